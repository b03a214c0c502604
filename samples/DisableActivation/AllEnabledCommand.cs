using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Testing;

namespace DisableActivationSample;

/// <summary>
/// <c>--all-enabled [--instance-name &lt;prefix&gt;]</c>, the incident case: disable every enabled activation code in the
/// region (optionally only those with that InstanceName) and print one line per code. Exit 0 when none failed, 1 otherwise.
/// </summary>
internal static class AllEnabledCommand
{
    /// <summary>
    /// Adds example codes to the local emulator, so the demo shows more than one line: two enabled codes
    /// named <c>web</c> and one already disabled named <c>db</c>, beside the documented example.
    /// </summary>
    public static void SeedEmulator(EcsEmulator emulator)
    {
        EmulatedActivation example = EmulatedActivation.DocumentedExample;
        emulator.Activations.Put(example with { ActivationId = "5B2C1F3A-0D4E-4C6B-8A7F-2E9D1234****", InstanceName = "web", RegisteredCount = 2, DeregisteredCount = 0 });
        emulator.Activations.Put(example with { ActivationId = "6C3D2E4B-1E5F-4D7C-9B8E-3F0E1234****", InstanceName = "web", RegisteredCount = 0, DeregisteredCount = 0 });
        emulator.Activations.Put(example with { ActivationId = "7D4E3F5C-2F6A-4E8D-8C9F-4A1F1234****", InstanceName = "db", Disabled = true });
        Console.Error.WriteLine("The emulator holds 4 example activation codes (3 enabled, 1 already disabled); they are not real codes.");
    }

    public static async Task<int> RunAsync(IEcsActivationClient client, CommandLine options, CancellationToken cancellationToken)
    {
        BulkDisableResult result;
        try
        {
            // Without --instance-name the filter is empty: the flag says that every code in the region is meant.
            result = await client.DisableMatchingActivationsAsync(
                new DescribeActivationsRequest { RegionId = options.Region, InstanceName = options.InstanceName },
                new BulkDisableOptions { AllInRegion = options.InstanceName is null },
                cancellationToken);
        }
        catch (Exception e) when (FailureReport.Handles(e))
        {
            if (e is not ArgumentException)
            {
                Console.Error.WriteLine("Listing the activation codes failed; nothing was disabled.");
            }

            return FailureReport.Print(e);
        }

        foreach (ActivationDisableOutcome o in result.Outcomes)
        {
            string error = o.Status == ActivationDisableStatus.Failed ? " " + (o.ErrorCode ?? o.Exception?.GetType().Name) : string.Empty;
            Console.WriteLine($"{o.ActivationId}  {o.Status}{error}");
        }

        Console.WriteLine($"Summary: {result.DisabledCount} disabled, {result.AlreadyDisabledCount} already disabled, {result.NotFoundCount} not found, {result.FailedCount} failed");
        return result.Succeeded ? 0 : 1;
    }

    public static void PrintEmulatorEpilogue()
    {
        Console.Error.WriteLine("That was the local emulator. To disable every enabled activation code in a real region, set");
        Console.Error.WriteLine($"{EnvironmentCredentialsProvider.AccessKeyIdVariable} and {EnvironmentCredentialsProvider.AccessKeySecretVariable} (or configure an aliyun CLI profile), then run:");
        Console.Error.WriteLine("  dotnet run --project samples/DisableActivation -- --region <region> --all-enabled [--instance-name <prefix>]");
    }
}
