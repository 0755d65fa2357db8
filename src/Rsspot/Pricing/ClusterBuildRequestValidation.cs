namespace Rsspot.Pricing;

/// <summary>Rejects requests that are invalid in themselves (as opposed to requests no catalog can satisfy).</summary>
internal static class ClusterBuildRequestValidation
{
    public static void Validate(ClusterBuildRequest request)
    {
        if (request.Nodes is null && request.TotalVcpu is null && request.TotalMemoryGb is null)
        {
            Fail(nameof(ClusterBuildRequest.Nodes), "Give a node count (Nodes) or a total capacity (TotalVcpu and/or TotalMemoryGb).");
        }

        Positive(request.Nodes, nameof(ClusterBuildRequest.Nodes));
        Positive(request.TotalVcpu, nameof(ClusterBuildRequest.TotalVcpu));
        Positive(request.TotalMemoryGb, nameof(ClusterBuildRequest.TotalMemoryGb));
        NotNegative(request.MinHourly, nameof(ClusterBuildRequest.MinHourly));
        NotNegative(request.MaxHourly, nameof(ClusterBuildRequest.MaxHourly));
        NotNegative(request.MinMonthly, nameof(ClusterBuildRequest.MinMonthly));
        NotNegative(request.MaxMonthly, nameof(ClusterBuildRequest.MaxMonthly));
        Ordered(request.MinHourly, request.MaxHourly, nameof(ClusterBuildRequest.MinHourly), nameof(ClusterBuildRequest.MaxHourly));
        Ordered(request.MinMonthly, request.MaxMonthly, nameof(ClusterBuildRequest.MinMonthly), nameof(ClusterBuildRequest.MaxMonthly));
        if (!Enum.IsDefined(request.Risk))
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterBuildRequest.Risk), request.Risk, "Unknown risk level.");
        }

        foreach (BuildStrategy strategy in request.Strategies ?? [])
        {
            if (!Enum.IsDefined(strategy))
            {
                throw new ArgumentOutOfRangeException(nameof(ClusterBuildRequest.Strategies), strategy, "Unknown strategy.");
            }
        }
    }

    private static void Positive<T>(T? value, string parameter)
        where T : struct, IComparable<T>
    {
        if (value is T v && v.CompareTo(default) <= 0)
        {
            throw new ArgumentOutOfRangeException(parameter, v, parameter + " must be greater than 0.");
        }
    }

    private static void NotNegative(decimal? value, string parameter)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(parameter, value, parameter + " must not be negative.");
        }
    }

    private static void Ordered(decimal? min, decimal? max, string minName, string maxName)
    {
        if (min > max)
        {
            Fail(minName, $"{minName} must not exceed {maxName}.");
        }
    }

    private static void Fail(string parameter, string message) => throw new ArgumentException(message, parameter);
}
