using System;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>
/// An ActivationId never starts with '-': such an argument is a mistyped option, which the parser would
/// otherwise take as an ID. Refused before anything is sent.
/// </summary>
internal static class OptionLike
{
    public static string? Find(string[]? arguments) => Array.Find(arguments ?? Array.Empty<string>(), a => a.StartsWith('-'));
}
