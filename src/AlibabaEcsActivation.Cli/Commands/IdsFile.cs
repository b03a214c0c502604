using System;
using System.Collections.Generic;
using System.IO;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary><c>--ids-from FILE</c>: one ActivationId a line; blank lines and lines starting with <c>#</c> are skipped; <c>-</c> reads stdin.</summary>
internal static class IdsFile
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static List<string> Read(string path, TextReader stdin)
    {
        if (path == "-")
        {
            return ReadAll(stdin);
        }

        using var file = new StreamReader(path);
        return ReadAll(file);
    }

    private static List<string> ReadAll(TextReader reader)
    {
        var ids = new List<string>();
        while (reader.ReadLine() is string line)
        {
            string id = line.Trim();
            if (id.Length > 0 && !id.StartsWith('#'))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
