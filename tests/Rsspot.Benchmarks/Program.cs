using BenchmarkDotNet.Running;

// Benchmarks run in-process by default. Out of process, BenchmarkDotNet rebuilds the referenced projects with an
// absolute IntermediateOutputPath, and the Kiota/NSwag generation targets (which join it to the project folder)
// then write generated sources under src/*/work/..., where every later build of src/ compiles them twice.
// Set RSSPOT_BENCH_OUT_OF_PROCESS=1 to let BenchmarkDotNet choose (once generator/ joins the paths correctly).
var outOfProcess = Environment.GetEnvironmentVariable("RSSPOT_BENCH_OUT_OF_PROCESS") == "1";
var inProcess = args.Contains("--inProcess") || args.Contains("-i");
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(outOfProcess || inProcess ? args : [.. args, "--inProcess"]);
