using System.Text;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>
/// The result for one code, as printed on stdout: a text line, or with <c>--json</c> one JSON object
/// (<c>id</c>, <c>status</c>, <c>errorCode</c>, <c>requestId</c>, <c>attempts</c>).
/// </summary>
internal sealed record ResultLine(string Id, string Status, string? ErrorCode, string? RequestId, int Attempts)
{
    /// <summary>Why it failed when the service gave no error code (a connection failure, a timeout): the exception's type.</summary>
    [JsonIgnore]
    public string? FailureKind { get; init; }

    /// <summary>True for the statuses that make the exit code 1.</summary>
    [JsonIgnore]
    public bool IsFailure => Status is nameof(ActivationDisableStatus.Failed) or nameof(ActivationDisableStatus.NotFound);

    /// <summary>The result of one code of a bulk disable.</summary>
    public static ResultLine From(ActivationDisableOutcome outcome) =>
        new(outcome.ActivationId, outcome.Status.ToString(), outcome.ErrorCode, outcome.RequestId, outcome.Attempts)
        {
            FailureKind = outcome.ErrorCode is null ? outcome.Exception?.GetType().Name : null,
        };

    /// <summary>The result of one call for <paramref name="id"/> that failed with <paramref name="e"/>: NotFound for an unknown code, Failed otherwise.</summary>
    public static ResultLine From(string id, EcsException e)
    {
        var service = e as EcsServiceException;
        return new(id, e is ActivationNotFoundException ? nameof(ActivationDisableStatus.NotFound) : nameof(ActivationDisableStatus.Failed), service?.ErrorCode, service?.RequestId, e.Attempts)
        {
            FailureKind = service?.ErrorCode is null ? e.GetType().Name : null,
        };
    }

    /// <summary>The text line: the ID, the status, then what there is of the error code and RequestId.</summary>
    public string ToText()
    {
        var text = new StringBuilder(Id.Length == 0 ? "(no id)" : Id).Append("  ").Append(Status);
        if ((ErrorCode ?? FailureKind) is string error)
        {
            text.Append("  ").Append(error);
        }

        if (RequestId is not null)
        {
            text.Append("  RequestId=").Append(RequestId);
        }

        return text.ToString();
    }
}
