using Rsspot.SpecTool;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.SpecTool;

public sealed class GeneratorInputTests
{
    private static readonly string Spec = Path.Combine(RepositoryRoot.Find(), "spec", "spot-api.yaml");

    [Fact]
    public void The_client_input_is_the_spec_without_readOnly()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "client.yaml");

        Assert.Equal(0, SpecCommands.Run(["client-input", Spec, output], TextWriter.Null, TextWriter.Null));

        Assert.Contains("readOnly: true", File.ReadAllText(Spec), StringComparison.Ordinal);
        Assert.DoesNotContain("readOnly", File.ReadAllText(output), StringComparison.Ordinal);
        var diff = SpecDiff.Compare(SpecDocument.Load(Spec), SpecDocument.Load(output));
        Assert.Empty(diff.MissingOperations);
        Assert.Empty(diff.AddedOperations);
        Assert.DoesNotContain(diff.Schemas, s => s.HasChanges);
        Assert.All(diff.Constraints, c => Assert.Equal("readOnly", c.Constraint));
    }

    [Fact]
    public void Constants_carry_the_spec_patterns_lengths_and_bounds()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "SpecConstraints.g.cs");

        Assert.Equal(0, SpecCommands.Run(["constants", Spec, output, "Example", "Limits"], TextWriter.Null, TextWriter.Null));

        var code = File.ReadAllText(output);
        Assert.Contains("namespace Example;", code, StringComparison.Ordinal);
        Assert.Contains("internal static class Limits", code, StringComparison.Ordinal);
        Assert.Contains("public const string CloudspaceNamePattern = @\"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$\";", code, StringComparison.Ordinal);
        Assert.Contains("public const int CloudspaceNameMaxLength = 63;", code, StringComparison.Ordinal);
        Assert.Contains("public const string SpotNodePoolSpecBidPricePattern = @\"^\\d+(\\.\\d{1,3})?$\";", code, StringComparison.Ordinal);
        Assert.Contains("public const int SpotNodePoolSpecDesiredMinimum = 0;", code, StringComparison.Ordinal);
        Assert.Contains("CloudSpaceSpecCniValues = [\"calico\", \"cilium\", \"byocni\"];", code, StringComparison.Ordinal);
    }
}
