using System;
using System.IO;
using System.Reflection;
using Xunit;

namespace AlibabaEcsActivation.Tests.PublicApi;

/// <summary>
/// The public API is checked in under api/. When the surface changes on purpose, regenerate the file
/// with <c>UPDATE_API_BASELINE=1 dotnet test</c> and commit it, so the change is reviewed.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("AlibabaEcsActivation")]
    [InlineData("AlibabaEcsActivation.Testing")]
    public void Public_api_matches_the_checked_in_baseline(string assemblyName)
    {
        string actual = PublicApiFormatter.Format(Assembly.Load(assemblyName));
        string path = Path.Combine(RepositoryRoot(), "api", assemblyName + ".txt");

        if (Environment.GetEnvironmentVariable("UPDATE_API_BASELINE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Missing {path}: run UPDATE_API_BASELINE=1 dotnet test to create it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == actual,
            $"The public API of {assemblyName} changed. Review the change, then run UPDATE_API_BASELINE=1 dotnet test and commit api/{assemblyName}.txt.\n"
            + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "(end)";
            string right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  baseline: {left}\n  actual:   {right}";
            }
        }

        return string.Empty;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlibabaEcsActivation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AlibabaEcsActivation.sln not found above " + AppContext.BaseDirectory);
    }
}
