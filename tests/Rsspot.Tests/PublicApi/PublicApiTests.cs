using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Rsspot.Tests.PublicApi;

/// <summary>
/// The public surface of the Rsspot package, split into the handwritten layer and the Kiota-generated clients.
/// A change fails here until the snapshot under __snapshots__ is reviewed and updated (delete it and re-run).
/// </summary>
public sealed class PublicApiTests
{
    private const string GeneratedNamespace = "Rsspot.Generated";

    [Fact]
    public void The_handwritten_public_API_is_the_reviewed_one() =>
        Snapshot.Match(Surface(t => !IsGenerated(t)).Split('\n'));

    [Fact]
    public void The_generated_public_API_is_the_reviewed_one() =>
        Snapshot.Match(Surface(IsGenerated).Split('\n'));

    private static bool IsGenerated(Type type) => type.Namespace?.StartsWith(GeneratedNamespace, StringComparison.Ordinal) == true;

    private static string Surface(Func<Type, bool> include)
    {
        var assembly = typeof(SpotClient).Assembly;
        var types = assembly.GetExportedTypes().Where(include).ToArray();
        return assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeTypes = types,
            IncludeAssemblyAttributes = false,
        }).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
