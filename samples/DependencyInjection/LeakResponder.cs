using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DependencyInjectionSample;

/// <summary>
/// A worker that disables the configured activation codes through the injected client, logs each
/// result through the host's logger, and stops the host. The exit code is 1 if any code failed.
/// </summary>
public sealed class LeakResponder(
    IEcsActivationClient ecs,
    LeakResponseOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<LeakResponder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (string activationId in options.ActivationIds)
            {
                await DisableAsync(activationId, stoppingToken);
            }
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task DisableAsync(string activationId, CancellationToken cancellationToken)
    {
        try
        {
            DisableActivationResponse response = await ecs.DisableActivationAsync(activationId, cancellationToken);
            logger.LogInformation("Disabled {ActivationId}: Disabled={Disabled}, registered instances {Registered} (RequestId {RequestId})",
                response.Activation.ActivationId, response.Activation.Disabled, response.Activation.RegisteredCount, response.RequestId);
        }
        catch (ActivationNotFoundException e)
        {
            Environment.ExitCode = 1;
            logger.LogError("{ActivationId} does not exist in this region (RequestId {RequestId})", activationId, e.RequestId);
        }
        catch (EcsException e) when (!cancellationToken.IsCancellationRequested)
        {
            Environment.ExitCode = 1;
            logger.LogError(e, "Could not disable {ActivationId} after {Attempts} attempt(s)", activationId, e.Attempts);
        }
    }
}
