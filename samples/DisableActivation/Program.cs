using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation;
using DisableActivationSample;

// Disables one ECS activation code and prints it. Exit codes: 0 done, 1 the call failed, 2 usage error.
CommandLine options;
try
{
    options = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

if (options.ActivationId is null)
{
    Console.Error.WriteLine("--activation-id is required.");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

EcsActivationClient client;
try
{
    client = new EcsActivationClient(new EcsActivationClientOptions
    {
        RegionId = options.Region ?? "cn-hangzhou",
        Endpoint = options.Endpoint,
    });
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using (client)
{
    return await DisableAsync(client, options, cancel.Token);
}

static async Task<int> DisableAsync(IEcsActivationClient client, CommandLine options, CancellationToken cancellationToken)
{
    try
    {
        DisableActivationResponse response = await client.DisableActivationAsync(
            new DisableActivationRequest(options.ActivationId!) { RegionId = options.Region }, cancellationToken);
        Print(response, options.Json);
        return 0;
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    catch (EcsServiceException e)
    {
        Console.Error.WriteLine($"Error: {e.ErrorCode ?? "(no code)"}");
        Console.Error.WriteLine($"Message: {e.ServiceMessage}");
        Console.Error.WriteLine($"RequestId: {e.RequestId ?? "(none)"}");
        Console.Error.WriteLine($"HTTP status: {e.StatusCode}; attempts: {e.Attempts}");
        return 1;
    }
    catch (EcsException e)
    {
        Console.Error.WriteLine($"Error: {e.Message}");
        return 1;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Cancelled.");
        return 1;
    }
}

static void Print(DisableActivationResponse response, bool json)
{
    if (json)
    {
        Console.WriteLine(JsonSerializer.Serialize(response, SampleJsonContext.Default.DisableActivationResponse));
        return;
    }

    Activation a = response.Activation;
    Console.WriteLine($"ActivationId:      {a.ActivationId}");
    Console.WriteLine($"Disabled:          {(a.Disabled ? "true" : "false")}");
    Console.WriteLine($"InstanceName:      {a.InstanceName}");
    Console.WriteLine($"Description:       {a.Description}");
    Console.WriteLine($"InstanceCount:     {a.InstanceCount}");
    Console.WriteLine($"RegisteredCount:   {a.RegisteredCount}");
    Console.WriteLine($"DeregisteredCount: {a.DeregisteredCount}");
    Console.WriteLine($"IpAddressRange:    {a.IpAddressRange}");
    Console.WriteLine($"TimeToLiveInHours: {a.TimeToLiveInHours}");
    Console.WriteLine($"CreationTime:      {a.CreationTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
    Console.WriteLine($"RequestId:         {response.RequestId}");
}
