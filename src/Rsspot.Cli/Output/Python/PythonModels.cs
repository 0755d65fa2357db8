using static Rsspot.Cli.Output.Python.PythonField;

namespace Rsspot.Cli.Output.Python;

/// <summary>The Python rsspot's models of the API's objects (rsspot 0.3.0, models/*.py), for its JSON shapes.</summary>
internal static class PythonModels
{
    public static readonly PythonModel Metadata = new(Scalar("name"), Scalar("namespace"), Scalar("uid"), Map("labels"), Scalar("creationTimestamp"));

    public static readonly PythonModel Condition = new(Scalar("type"), Scalar("status"), Scalar("lastTransitionTime"));

    public static readonly PythonModel AssignedServer = new(
        Scalar("cpu"), Scalar("displayName"), Scalar("ipAddress"), Scalar("nodePoolName"), Scalar("serverClassName"), Scalar("serverName"), Scalar("serverType"));

    public static readonly PythonModel Cloudspace = Item(
        new PythonModel(Scalar("deploymentType"), Scalar("cloud"), Scalar("region"), Scalar("webhook"), Scalar("cni"), Scalar("kubernetesVersion"), Scalar("HAControlPlane"), Scalar("gpuEnabled")),
        new PythonModel(Scalar("apiServerEndpoint"), Map("assignedServers", AssignedServer), List("conditions", Condition), Scalar("health"), Scalar("phase"), Scalar("reason"), Scalar("firstReadyTimestamp")),
        statusOptional: true);

    public static readonly PythonModel Autoscaling = new(Scalar("enabled"), Scalar("minNodes"), Scalar("maxNodes"));

    public static readonly PythonModel SpotNodePool = Item(
        new PythonModel(Scalar("serverClass"), Scalar("desired"), Scalar("cloudSpace"), Scalar("bidPrice"), Map("customAnnotations"), Map("customLabels"), List("customTaints"), Object("autoscaling", Autoscaling)),
        new PythonModel(Scalar("bidStatus"), Scalar("wonCount")),
        statusOptional: true);

    public static readonly PythonModel OnDemandNodePool = Item(
        new PythonModel(Scalar("serverClass"), Scalar("desired"), Scalar("cloudSpace"), Map("customAnnotations"), Map("customLabels"), List("customTaints"), Object("autoscaling", Autoscaling)),
        new PythonModel(Scalar("reservedStatus"), Scalar("reservedCount")),
        statusOptional: true);

    public static readonly PythonModel VmCloudspace = Item(
        new PythonModel(List("bidRequests"), Scalar("region")),
        new PythonModel(Map("assignedServers", AssignedServer), List("conditions", Condition), Scalar("firstReadyTimestamp"), Scalar("health"), Scalar("phase")),
        statusOptional: false);

    public static readonly PythonModel Organization = new(Scalar("name"), Scalar("id"));

    public static readonly PythonModel Organizations = new(List("organizations", Organization));

    public static readonly PythonModel Events = new(Scalar("org_id"), Scalar("cloudspace_id"), Scalar("type"), List("events"));

    /// <summary>A list answer: <c>items</c> through <paramref name="item"/>, the envelope's other keys as sent.</summary>
    public static PythonModel ListOf(PythonModel item) => new(List("items", item));

    private static PythonModel Item(PythonModel spec, PythonModel status, bool statusOptional) => new(
        Scalar("apiVersion"), Scalar("kind"), Object("metadata", Metadata, optional: false), Object("spec", spec, optional: false), Object("status", status, statusOptional));
}
