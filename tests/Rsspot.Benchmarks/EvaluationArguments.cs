using System.Globalization;

namespace Rsspot.Benchmarks;

/// <summary>The arguments of <c>--bid-guard-eval</c>: <c>[seed] [points.csv] [--plot week.svg] [--pool class]</c>.</summary>
/// <param name="Seed">The market seed (default 42).</param>
/// <param name="Csv">Where to write every point, or null.</param>
/// <param name="Plot">Where to draw one pool's week as SVG, or null.</param>
/// <param name="Pool">The pool drawn (default the first of <see cref="EvaluationSetup.Classes"/>).</param>
internal sealed record EvaluationArguments(int Seed, string? Csv, string? Plot, string Pool)
{
    public static EvaluationArguments Parse(IReadOnlyList<string> args)
    {
        string? plot = null;
        var pool = EvaluationSetup.Classes[0];
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--plot" when i + 1 < args.Count:
                    plot = args[++i];
                    break;
                case "--pool" when i + 1 < args.Count:
                    pool = args[++i];
                    break;
                case var flag when flag.StartsWith("--", StringComparison.Ordinal) || positional.Count == 2:
                    throw new ArgumentException($"--bid-guard-eval: '{flag}' is not understood; give [seed] [points.csv] [--plot week.svg] [--pool class].");
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        var seed = positional.Count > 0 ? int.Parse(positional[0], NumberStyles.Integer, CultureInfo.InvariantCulture) : 42;
        return new EvaluationArguments(seed, positional.Count > 1 ? positional[1] : null, plot, pool);
    }
}
