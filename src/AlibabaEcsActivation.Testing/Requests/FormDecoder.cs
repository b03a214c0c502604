using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>
/// Decodes <c>a=1&amp;b=2</c> as a web server does: split on <c>&amp;</c> and the first <c>=</c>,
/// <c>+</c> is a space, <c>%XX</c> are UTF-8 bytes. This is why a client must send a literal plus as <c>%2B</c>.
/// </summary>
internal static class FormDecoder
{
    public static IEnumerable<KeyValuePair<string, string>> Decode(string text)
    {
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return new KeyValuePair<string, string>(Unescape(name), Unescape(value));
        }
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
