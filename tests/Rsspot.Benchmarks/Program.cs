using BenchmarkDotNet.Running;
using Rsspot.Benchmarks;

// `--cpu [memory] [calls] [rounds]`: wall, client CPU and allocations per call of the client-overhead paths, against
// the emulator or an in-memory transport (see ClientOverheadCpuHarness); BenchmarkDotNet reports wall time only.
if (args is ["--cpu", ..])
{
    await ClientOverheadCpuHarness.RunAsync(args[1..]);
    return;
}

// `--stages [calls]`: allocations and CPU per call of each stage of the SDK's request path, in memory (see ClientOverheadStages).
if (args is ["--stages", ..])
{
    await ClientOverheadStages.RunAsync(args[1..]);
    return;
}

// `--concurrent [calls] [rounds]`: many concurrent calls on one client, each path in its own process (see ConcurrencyHarness).
if (args is ["--concurrent", ..])
{
    await ConcurrencyHarness.RunAsync(args[1..]);
    return;
}

if (args is ["--concurrent-child", ..])
{
    await ConcurrencyHarness.RunChildAsync(args[1..]);
    return;
}

// `--cancel [calls] [rounds]`: many calls in flight on one client, then cancelled: time to end them all, exceptions
// thrown, connections opened; plain HttpClient against SpotClient (see CancellationHarness).
if (args is ["--cancel", ..])
{
    await CancellationHarness.RunAsync(args[1..]);
    return;
}

// `--python <rsspot path|installed> [calls] [rounds]`: the regions list through the Python rsspot SDK (its own
// process) against this SDK's paths on one emulator, wall and CPU per call (see PythonCompareHarness).
if (args is ["--python", ..])
{
    await PythonCompareHarness.RunAsync(args[1..]);
    return;
}

// `--bid-guard-eval [seed] [points.csv] [--plot week.svg] [--pool class]`: a simulated week of the seeded market under
// three bidding policies (README table); --plot draws one pool's week (default the first) as a chart.
if (args is ["--bid-guard-eval", ..])
{
    var options = EvaluationArguments.Parse(args[1..]);
    var runs = BidGuardEvaluation.Run(options.Seed);
    Console.WriteLine($"seed {options.Seed}, {EvaluationSetup.Classes.Length} pools of {EvaluationSetup.NodesPerPool} nodes ({string.Join(", ", EvaluationSetup.Classes)}), an auction every 10 minutes for 7 days");
    Console.WriteLine(BidGuardEvaluation.Table(runs));
    if (options.Csv is { } csv)
    {
        await File.WriteAllLinesAsync(csv, BidGuardEvaluation.Csv(runs));
        Console.WriteLine($"points: {csv}");
    }

    if (options.Plot is { } plot)
    {
        Rsspot.Pricing.PriceChart.BidEvaluation(BidGuardEvaluation.ChartData(runs, options.Pool)).Save(plot);
        Console.WriteLine($"chart of {options.Pool}: {plot}");
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
