using System.IO;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>How a failed call is told on stderr: the error code, the service's message and the RequestId to quote to support. Never a secret.</summary>
internal static class FailureReport
{
    public static void Print(TextWriter error, string action, EcsException e)
    {
        if (e is EcsServiceException service)
        {
            error.WriteLine($"{action} failed: {service.ErrorCode ?? "(no error code)"}: {service.ServiceMessage ?? service.Message}");
            error.WriteLine($"RequestId: {service.RequestId ?? "(none)"}; HTTP {service.StatusCode}; attempts: {service.Attempts}");
        }
        else
        {
            error.WriteLine($"{action} failed: {e.Message} (attempts: {e.Attempts})");
        }
    }
}
