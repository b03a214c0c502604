using System.IO;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class CredentialsTests : EmulatorTest
{
    [Theory]
    [InlineData("disable", "X0000000-0000-4000-8000-000000000000")]
    [InlineData("list")]
    [InlineData("create")]
    [InlineData("delete", "X0000000-0000-4000-8000-000000000000")]
    public async Task Without_credentials_it_lists_the_sources_tried_sends_nothing_and_exits_2(params string[] args)
    {
        Cli.Environment.Remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        Cli.Environment.Remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");

        CliResult result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        // The library's own list of sources, read over the tool's environment and home directory.
        Assert.Contains("Sources tried, in order:", result.Error);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", result.Error);
        Assert.Contains(Path.Combine(Cli.Home, ".alibabacloud", "credentials"), result.Error);
        Assert.Contains("disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true", result.Error);
        Assert.Contains("--emulator", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_profile_of_the_credentials_file_is_used()
    {
        Cli.Environment.Remove("ALIBABA_CLOUD_ACCESS_KEY_ID");
        Cli.Environment.Remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        Directory.CreateDirectory(Path.Combine(Cli.Home, ".alibabacloud"));
        await File.WriteAllTextAsync(
            Path.Combine(Cli.Home, ".alibabacloud", "credentials"),
            "[incident]\ntype = access_key\naccess_key_id = testid\naccess_key_secret = testsecret\n");

        CliResult result = await RunAsync("--profile", "incident", "disable", Web);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(IsDisabled(Web));
    }

    [Fact]
    public async Task A_missing_profile_names_both_places_it_was_looked_for()
    {
        CliResult result = await RunAsync("--profile", "nosuch", "disable", Web);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No Alibaba Cloud credentials for profile 'nosuch'", result.Error);
        Assert.Contains(".aliyun", result.Error);
        Assert.Contains(".alibabacloud", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
    }
}
