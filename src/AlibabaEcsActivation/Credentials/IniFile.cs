using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// The small INI dialect of <c>~/.alibabacloud/credentials</c>: <c>[section]</c> headers,
/// <c>key = value</c> lines, <c>#</c> and <c>;</c> comments, optional quotes around values.
/// Section and key names are case-sensitive, as in the official SDKs.
/// </summary>
internal static class IniFile
{
    /// <exception cref="FormatException">A line is neither a section, a setting, a comment nor blank; the message gives its number, not its text.</exception>
    public static Dictionary<string, Dictionary<string, string>> Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[' && line[line.Length - 1] == ']')
            {
                string name = line.Substring(1, line.Length - 2).Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    sections[name] = current;
                }

                continue;
            }

            int equals = line.IndexOf('=');
            if (equals <= 0 || current is null)
            {
                // The line's text is not quoted: it could be a secret on a malformed line.
                throw new FormatException($"line {i + 1} is not a [section] or a key = value setting inside a section");
            }

            current[line.Substring(0, equals).Trim()] = Unquote(line.Substring(equals + 1).Trim());
        }

        return sections;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2)
            : value;
}
