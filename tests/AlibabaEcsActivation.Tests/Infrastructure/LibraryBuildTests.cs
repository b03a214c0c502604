using System;
using AlibabaEcsActivation.Tests.Infrastructure;
using Xunit;

namespace AlibabaEcsActivation.Tests;

/// <summary>
/// Each test target runs against the build it is meant for: the netstandard2.0 project against the
/// netstandard2.0 build, and the net8.0 and net10.0 targets against theirs, on that runtime.
/// </summary>
public class LibraryBuildTests
{
    [Fact]
    public void The_library_under_test_is_the_build_this_test_target_names()
    {
        var tests = typeof(LibraryBuildTests).Assembly;
        string testFramework = LibraryBuild.FrameworkOf(tests);
        string expected = tests.GetName().Name!.EndsWith(".NetStandard", StringComparison.Ordinal)
            ? ".NETStandard,Version=v2.0"
            : testFramework;

        Assert.Equal(expected, LibraryBuild.TargetFramework);
        Assert.Equal(testFramework, $".NETCoreApp,Version=v{Environment.Version.Major}.{Environment.Version.Minor}");
    }
}
