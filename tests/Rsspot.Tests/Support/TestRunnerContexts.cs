using System.Runtime.CompilerServices;

namespace Rsspot.Tests.Support;

/// <summary>
/// xUnit runs tests on its own synchronization contexts, which are backed by the thread pool: blocking SDK calls
/// are safe there, so the suite declares them before any test runs.
/// </summary>
internal static class TestRunnerContexts
{
#pragma warning disable CA2255 // a test assembly is the one place where this start-up hook belongs
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void AllowBlockingCalls()
    {
        SpotClient.AllowBlockingOn(typeof(Xunit.Sdk.AsyncTestSyncContext));
        SpotClient.AllowBlockingOn(typeof(Xunit.Sdk.MaxConcurrencySyncContext));
    }
}
