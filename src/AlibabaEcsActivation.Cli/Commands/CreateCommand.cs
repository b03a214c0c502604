using System;
using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Audit;
using AlibabaEcsActivation.Cli.Connection;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>
/// <c>create</c>: a new code. Its ActivationCode is printed once, on stdout only (the service never shows it
/// again, and it is never audited); when the call fails, the ClientToken that gets the same code back.
/// </summary>
internal static class CreateCommand
{
    private const string Description =
        "Creates an activation code and prints its ActivationId and its one-time ActivationCode on stdout:\n" +
        "the code is shown this once (the service never returns it again) and appears nowhere else.\n" +
        "When the call fails, stderr gives its ClientToken: run again with --client-token to get the same\n" +
        "code back instead of creating a second one.\n\n" +
        "Examples:\n" +
        "  ecs-activation create --region cn-hangzhou --instance-name web --instance-count 10 --ttl-hours 4\n" +
        "  ecs-activation create --region cn-hangzhou --client-token 0c593ea1-3bea-11e9-b96b-88e9fe637760\n" +
        "  ecs-activation --emulator create --json\n\n" +
        "Exit codes: 0 created, 1 the call failed, 2 usage or refused, 130 interrupted.";

    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var instanceName = new Option<string>("--instance-name") { Description = "the default instance name of the instances that register with it", HelpName = "name" };
        var description = new Option<string>("--description") { Description = "what the code is for", HelpName = "text" };
        var instanceCount = new Option<int?>("--instance-count")
        {
            Description = "how many instances may register with it (default: the service's, 10)",
            HelpName = "n",
            CustomParser = ValueParsers.Int32("--instance-count", 1, 1000),
        };
        var ipRange = new Option<string>("--ip-address-range") { Description = "the addresses allowed to register, e.g. 192.168.1.0/24 (default: any)", HelpName = "cidr" };
        var ttl = new Option<int?>("--ttl-hours")
        {
            Description = "how long the code can be used, in hours (default: the service's, 4)",
            HelpName = "hours",
            CustomParser = ValueParsers.Int32("--ttl-hours", 1, 876600),
        };
        var tags = new Option<Tag[]>("--tag") { Description = "a tag for the code; repeatable", HelpName = "key=value", CustomParser = ValueParsers.Tags };
        var resourceGroup = new Option<string>("--resource-group") { Description = "the resource group (its ID)", HelpName = "id" };
        var clientToken = new Option<string>("--client-token") { Description = "resume a create whose answer was lost: the token stderr printed", HelpName = "token" };

        var command = new Command("create", Description) { instanceName, description, instanceCount, ipRange, ttl, tags, resourceGroup, clientToken };
        command.SetAction((parsed, cancellationToken) =>
        {
            Tag[]? given = parsed.GetValue(tags);
            var request = new CreateActivationRequest
            {
                InstanceName = parsed.GetValue(instanceName),
                Description = parsed.GetValue(description),
                InstanceCount = parsed.GetValue(instanceCount),
                IpAddressRange = parsed.GetValue(ipRange),
                TimeToLiveInHours = parsed.GetValue(ttl),
                Tags = given is { Length: > 0 } ? given : null,
                ResourceGroupId = parsed.GetValue(resourceGroup),
                ClientToken = parsed.GetValue(clientToken),
            };
            return RunAsync(host, globals.Read(parsed), request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, GlobalSettings settings, CreateActivationRequest request, CancellationToken cancellationToken)
    {
        using ClientSession? session = await ClientSession.OpenAsync(host, settings, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Refused;
        }

        // The request names no region: the client's, the session's region, applies.
        CreateActivationResponse created;
        try
        {
            created = await session.Client.CreateActivationAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            host.Error.WriteLine(e.Message);
            return ExitCodes.Refused;
        }
        catch (EcsException e)
        {
            session.Audit.Write(AuditEntry.Failure(host.TimeProvider.GetUtcNow(), "CreateActivation", session.Region, e) with { ClientToken = e.ClientToken });
            FailureReport.Print(host.Error, "CreateActivation", e);
            if (e.ClientToken is string token)
            {
                host.Error.WriteLine($"ClientToken: {token}");
                host.Error.WriteLine($"The code may have been created. Run again with --client-token {token} to get it instead of creating a second one.");
            }

            return ExitCodes.Failed;
        }

        session.Audit.Write(new AuditEntry
        {
            Time = host.TimeProvider.GetUtcNow(),
            Action = "CreateActivation",
            Region = session.Region,
            Id = created.ActivationId,
            Status = "Created",
            RequestId = created.RequestId,
            Attempts = created.ResponseMetadata.Attempts,
            ClientToken = created.ClientToken,
        });
        var line = new CreatedLine(created.ActivationId, created.ActivationCode, created.ClientToken, created.RequestId, created.ResponseMetadata.Attempts);
        host.Out.WriteLine(settings.Json ? JsonSerializer.Serialize(line, CliJsonContext.Output.CreatedLine) : line.ToText());
        host.Out.Flush();
        host.Error.WriteLine("Store the ActivationCode now: it is shown this once and cannot be read again.");
        return ExitCodes.Done;
    }
}
