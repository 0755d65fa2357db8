using System.Diagnostics;

namespace Rsspot.Tests.Support;

/// <summary>Starts a built .NET program (<c>dotnet program.dll args</c>) with its output redirected.</summary>
public static class DotnetProcess
{
    public static Process Start(string dllPath, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }
}
