using BenchmarkDotNet.Running;
using Rsspot.Benchmarks;

// `--cpu [memory] [calls] [rounds]`: wall, client CPU and allocations per call of the client-overhead paths, against
// the emulator or an in-memory transport (see ClientOverheadCpuHarness); BenchmarkDotNet reports wall time only.
if (args is ["--cpu", ..])
{
    await ClientOverheadCpuHarness.RunAsync(args[1..]);
    return;
}

// `--bid-guard-eval [seed] [points.csv]`: a simulated week of the seeded market under three bidding policies (README table).
if (args is ["--bid-guard-eval", ..])
{
    var seed = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 42;
    var runs = BidGuardEvaluation.Run(seed);
    Console.WriteLine($"seed {seed}, {EvaluationSetup.Classes.Length} pools of {EvaluationSetup.NodesPerPool} nodes ({string.Join(", ", EvaluationSetup.Classes)}), an auction every 10 minutes for 7 days");
    Console.WriteLine(BidGuardEvaluation.Table(runs));
    if (args.Length > 2)
    {
        await File.WriteAllLinesAsync(args[2], BidGuardEvaluation.Csv(runs));
        Console.WriteLine($"points: {args[2]}");
    }

    return;
}

// Benchmarks run in-process by default: no per-benchmark rebuild of src/ (slow on small machines, and it races
// other builds in a shared tree). Out of process, BenchmarkDotNet rebuilds the referenced projects with an absolute
// IntermediateOutputPath, which the generation targets handle since they join paths with Path.Combine.
// Set RSSPOT_BENCH_OUT_OF_PROCESS=1 (or pass your own toolchain options) to let BenchmarkDotNet choose.
var outOfProcess = Environment.GetEnvironmentVariable("RSSPOT_BENCH_OUT_OF_PROCESS") == "1";
var inProcess = args.Contains("--inProcess") || args.Contains("-i");
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(outOfProcess || inProcess ? args : [.. args, "--inProcess"]);
