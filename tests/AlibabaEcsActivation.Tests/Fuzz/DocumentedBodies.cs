using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// The response bodies documented in shared/spec/official-facts.md (sections A.2 to A.5 and D.1), as trees
/// the fuzzer can mutate. Numbers and booleans are sometimes sent as strings, which the official client
/// tolerates (A.6), so a valid body is valid in either form.
/// </summary>
internal static class DocumentedBodies
{
    /// <summary>The planted one-time code: it may appear only as the value of an ActivationCode field.</summary>
    public const string ActivationCodeCanary = "a-hz0Fz7CANARYcode+Xo32lAZCqQ";

    /// <summary>The planted AccessKeySecret the clients sign with.</summary>
    public const string SecretCanary = "FzSecretCANARYk3y+/=Zq9w";

    public const string AccessKeyId = "LTAI5tFuzzKeyId000000";

    public static readonly string[] ErrorCodes =
    {
        "ActivationId.NotFound", "ActivationId.InUse", "Throttling.User", "Throttling", "Throttling.Api",
        "InvalidRegionId.NotFound", "RegionId.ApiNotSupported", "Operation.Forbidden", "InternalError.Dispatch",
        "InternalError", "ServiceUnavailable", "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound",
        "IncompleteSignature", "Forbidden.RAM", "InvalidParameter", "UnknownError", "", "\u0013", "Thrott\u0000ling",
    };

    public static JObj Activation(Random r, string activationId, bool? disabled, bool describeFields)
    {
        var a = new JObj()
            .Add("ActivationId", JLit.Str(activationId))
            .Add("CreationTime", JLit.Str("2021-01-20T06:00:00Z"))
            .Add("DeregisteredCount", Number(r, r.Next(0, 3)))
            .Add("Description", JLit.Str("This is description."))
            .Add("InstanceCount", Number(r, r.Next(1, 1001)))
            .Add("InstanceName", JLit.Str("test-InstanceName"))
            .Add("IpAddressRange", JLit.Str(r.Next(4) == 0 ? string.Empty : "0.0.0.0/0"))
            .Add("RegisteredCount", Number(r, r.Next(0, 3)))
            .Add("TimeToLiveInHours", Number(r, r.Next(1, 5)));
        if (disabled is bool d)
        {
            a.Add("Disabled", r.Next(4) == 0 ? JLit.Str(d ? "true" : "false") : JLit.Bool(d));
        }

        if (describeFields)
        {
            a.Add("ResourceGroupId", JLit.Str("rg-123456"));
            var tags = new JArr();
            int count = r.Next(0, 3);
            for (int i = 0; i < count; i++)
            {
                tags.Items.Add(new JObj().Add("TagKey", JLit.Str("team" + i.ToString(CultureInfo.InvariantCulture))).Add("TagValue", JLit.Str(r.Next(3) == 0 ? string.Empty : "ops")));
            }

            a.Add("Tags", tags);
        }

        Shuffle(r, a.Props);
        return a;
    }

    public static JObj Disable(Random r, string activationId) =>
        new JObj().Add("RequestId", JLit.Str(RequestId(r))).Add("Activation", Activation(r, activationId, disabled: true, describeFields: false));

    /// <summary>DeleteActivation's Activation has no Disabled field (A.5).</summary>
    public static JObj Delete(Random r, string activationId) =>
        new JObj().Add("RequestId", JLit.Str(RequestId(r))).Add("Activation", Activation(r, activationId, disabled: null, describeFields: false));

    public static JObj Create(Random r, string activationId)
    {
        var o = new JObj()
            .Add("RequestId", JLit.Str(RequestId(r)))
            .Add("ActivationId", JLit.Str(activationId))
            .Add("ActivationCode", JLit.Str(ActivationCodeCanary));
        Shuffle(r, o.Props);
        return o;
    }

    /// <summary>A token-mode page (A.4); <paramref name="nextToken"/> null on the last page.</summary>
    public static JObj Page(Random r, IReadOnlyList<(string Id, bool Disabled)> activations, string? nextToken)
    {
        var list = new JArr();
        foreach (var (id, disabled) in activations)
        {
            list.Items.Add(Activation(r, id, disabled, describeFields: true));
        }

        var o = new JObj()
            .Add("RequestId", JLit.Str(RequestId(r)))
            .Add("PageNumber", Number(r, 1))
            .Add("PageSize", Number(r, 50))
            .Add("TotalCount", Number(r, activations.Count))
            .Add("ActivationList", list);
        if (nextToken is not null)
        {
            o.Add("NextToken", JLit.Str(nextToken));
        }
        else if (r.Next(3) == 0)
        {
            o.Add("NextToken", r.Next(2) == 0 ? JLit.Str(string.Empty) : JLit.Null()); // the last page, said either way
        }

        Shuffle(r, o.Props);
        return o;
    }

    /// <summary>The documented error body (D.1: RequestId, HostId, Code, Message, Recommend).</summary>
    public static JObj Error(Random r, string code, string message)
    {
        var o = new JObj()
            .Add("RequestId", JLit.Str(RequestId(r)))
            .Add("HostId", JLit.Str("ecs-cn-hangzhou.aliyuncs.com"))
            .Add("Code", JLit.Str(code))
            .Add("Message", JLit.Str(message))
            .Add("Recommend", JLit.Str("https://api.aliyun.com/troubleshoot?q=" + code));
        Shuffle(r, o.Props);
        return o;
    }

    public static string ErrorMessage(Random r, string code) => r.Next(8) switch
    {
        0 => "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D" + AccessKeyId,
        1 => new string('m', r.Next(1000, 20000)),
        2 => "错误 \u0013 \u2028 tab\tend",
        3 => string.Empty,
        _ => "The specified activation id does not exist. (" + code + ")",
    };

    public static string RequestId(Random r) =>
        string.Create(CultureInfo.InvariantCulture, $"4ECEEE12-56F1-4FBC-9AB1-{r.Next():X8}{r.Next(0, 65536):X4}");

    /// <summary>A documented number, as a JSON number or (tolerated, A.6) as a digit string.</summary>
    private static JLit Number(Random r, long value) =>
        r.Next(5) == 0 ? JLit.Str(value.ToString(CultureInfo.InvariantCulture)) : JLit.Num(value);

    private static void Shuffle<T>(Random r, List<T> items)
    {
        if (r.Next(3) != 0)
        {
            return; // mostly the documented order
        }

        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = r.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
