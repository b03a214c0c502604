using System;
using System.Collections.Generic;
using AlibabaEcsActivation.Endpoints;
using Microsoft.Extensions.Options;

namespace AlibabaEcsActivation;

/// <summary>
/// Checks <see cref="EcsActivationClientOptions"/> and says what to fix. Runs at host start-up when
/// registered through dependency injection, and in the <see cref="EcsActivationClient"/> constructor.
/// </summary>
public sealed class EcsActivationClientOptionsValidator : IValidateOptions<EcsActivationClientOptions>
{
    /// <summary>The most retries the options accept.</summary>
    public const int MaxRetriesLimit = 10;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EcsActivationClientOptions options)
    {
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> GetFailures(EcsActivationClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RegionId))
        {
            failures.Add("RegionId is required: set it to the region of your activation codes, e.g. \"cn-hangzhou\".");
        }
        else if (InputValidator.RegionIdProblem(options.RegionId!) is { } regionProblem)
        {
            failures.Add("RegionId " + regionProblem);
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            try
            {
                EndpointResolver.Resolve(options.RegionId ?? "cn-hangzhou", options.Endpoint, options.AllowInsecureHttp);
            }
            catch (ArgumentException e)
            {
                failures.Add(e.Message.Split('(')[0].Trim());
            }
        }

        bool hasId = !string.IsNullOrEmpty(options.AccessKeyId);
        bool hasSecret = !string.IsNullOrEmpty(options.AccessKeySecret);
        if (hasId != hasSecret)
        {
            failures.Add(hasId
                ? "AccessKeySecret is required when AccessKeyId is set."
                : "AccessKeyId is required when AccessKeySecret is set.");
        }

        if (!hasId && !string.IsNullOrEmpty(options.SecurityToken))
        {
            failures.Add("SecurityToken is set without AccessKeyId and AccessKeySecret: an STS token needs its temporary AccessKey pair.");
        }

        if ((hasId || hasSecret) && options.CredentialsProvider is not null)
        {
            failures.Add("Set either AccessKeyId/AccessKeySecret or CredentialsProvider, not both.");
        }

        if (!EcsSignatureAlgorithm.IsKnown(options.SignatureAlgorithm))
        {
            failures.Add($"SignatureAlgorithm must be \"{EcsSignatureAlgorithm.HmacSha1}\" (RPC signature v1, the default) or \"{EcsSignatureAlgorithm.Acs3HmacSha256}\" (signature V3); it is {(options.SignatureAlgorithm is null ? "null" : "\"" + options.SignatureAlgorithm + "\"")}.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Timeout must be positive (it is {options.Timeout}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"AttemptTimeout must be positive (it is {options.AttemptTimeout}).");
        }
        else if (options.AttemptTimeout > options.Timeout && options.Timeout > TimeSpan.Zero)
        {
            failures.Add($"AttemptTimeout ({options.AttemptTimeout}) must not exceed Timeout ({options.Timeout}).");
        }

        if (options.MaxRetries < 0 || options.MaxRetries > MaxRetriesLimit)
        {
            failures.Add($"MaxRetries must be between 0 and {MaxRetriesLimit} (it is {options.MaxRetries}).");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"RetryBaseDelay must be positive (it is {options.RetryBaseDelay}).");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"RetryMaxDelay ({options.RetryMaxDelay}) must not be less than RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider must not be null.");
        }

        return failures;
    }
}
