using System;
using AlibabaEcsActivation;

namespace DisableActivationSample;

/// <summary>How the samples report a failed call on stderr, and its exit code: 2 for bad input, 1 for the rest. Never prints a secret.</summary>
internal static class FailureReport
{
    /// <summary>True for the failures a call is expected to end with (bad input, the service, the network, Ctrl+C).</summary>
    public static bool Handles(Exception e) => e is ArgumentException or EcsException or OperationCanceledException;

    /// <summary>Prints <paramref name="e"/> and returns the exit code.</summary>
    public static int Print(Exception e)
    {
        if (e is EcsException { ClientToken: { } clientToken })
        {
            // A create whose answer was lost may still have made the code: the same token gets that one back.
            Console.Error.WriteLine($"ClientToken: {clientToken} (the code may have been created; run again with --client-token {clientToken} to get it instead of a second one)");
        }

        switch (e)
        {
            case ArgumentException:
                Console.Error.WriteLine(e.Message);
                return 2;
            case EcsServiceException service:
                Console.Error.WriteLine($"Error: {service.ErrorCode ?? "(no code)"}");
                Console.Error.WriteLine($"Message: {service.ServiceMessage}");
                Console.Error.WriteLine($"RequestId: {service.RequestId ?? "(none)"}");
                Console.Error.WriteLine($"HTTP status: {service.StatusCode}; attempts: {service.Attempts}");
                return 1;
            case OperationCanceledException:
                Console.Error.WriteLine("Cancelled.");
                return 1;
            default:
                Console.Error.WriteLine($"Error: {e.Message}");
                return 1;
        }
    }
}
