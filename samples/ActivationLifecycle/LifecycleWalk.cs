using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation;
using DisableActivationSample;

namespace ActivationLifecycleSample;

/// <summary>The four steps, one line each. A code this sample created is never left behind silently.</summary>
internal static class LifecycleWalk
{
    // What the sample's code is created with: short-lived, one instance, and findable by name.
    private const string InstanceName = "lifecycle-sample";

    public static async Task<int> RunAsync(IEcsActivationClient client, string? clientToken, CancellationToken cancellationToken)
    {
        string? createdId = null;
        bool deleted = false;
        try
        {
            CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest
            {
                InstanceName = InstanceName,
                Description = "Created by samples/ActivationLifecycle",
                InstanceCount = 1,
                TimeToLiveInHours = 1,
                Tags = new[] { new Tag("created-by", "ActivationLifecycle sample") },
                ClientToken = clientToken, // null: the client makes one, and reports it if the create fails
            }, cancellationToken);
            createdId = created.ActivationId;
            // The code string is a secret returned only this once: a real program stores it in a vault, never prints it.
            Console.WriteLine($"[1/4] Created    {createdId} (code {Mask(created.ActivationCode)})");

            int listed = 0;
            bool found = false;
            await foreach (Activation a in client.DescribeAllActivationsAsync(new DescribeActivationsRequest { InstanceName = InstanceName }, cancellationToken))
            {
                listed++;
                found |= a.ActivationId == createdId;
                Console.WriteLine($"      {a.ActivationId}  disabled={(a.Disabled ? "true" : "false")}  registered={a.RegisteredCount}/{a.InstanceCount}  tags={string.Join(",", a.Tags)}");
            }

            Console.WriteLine($"[2/4] Described  {listed} code(s) named {InstanceName}, every page{(found ? string.Empty : "; the new code is not listed yet")}");

            DisableActivationResponse disabled = await client.DisableActivationAsync(createdId, cancellationToken);
            Console.WriteLine($"[3/4] Disabled   {createdId} (Disabled: {(disabled.Activation.Disabled ? "true" : "false")})");

            await client.DeleteActivationAsync(createdId, cancellationToken);
            deleted = true;
            Console.WriteLine($"[4/4] Deleted    {createdId}");
            return 0;
        }
        catch (Exception e) when (FailureReport.Handles(e))
        {
            return FailureReport.Print(e);
        }
        finally
        {
            if (createdId is not null && !deleted)
            {
                Console.Error.WriteLine($"The activation code {createdId} was created and not deleted: disable or delete it yourself.");
            }
        }
    }

    /// <summary>Enough to recognise the code (its first 4 characters and its length), never enough to use it.</summary>
    internal static string Mask(string code) =>
        code.Length <= 8
            ? "****"
            : string.Create(CultureInfo.InvariantCulture, $"{code[..4]}****, {code.Length} characters");
}
