using Microsoft.Extensions.Logging;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// The credentials chain's log line: which source it chose, by the provider's type name. Never a key,
/// a token, a file's content or a URL's query.
/// </summary>
internal static partial class CredentialsLog
{
    /// <summary>The default chain's choice, logged once per chain when its first source yields credentials.</summary>
    public const int SourceChosenEventId = 100;

    [LoggerMessage(EventId = SourceChosenEventId, EventName = "CredentialsSourceChosen", Level = LogLevel.Information,
        Message = "Alibaba Cloud credentials: the default chain uses {Source}")]
    public static partial void SourceChosen(ILogger logger, string source);
}
