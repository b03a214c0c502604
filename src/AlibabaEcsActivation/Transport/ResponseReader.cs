using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Transport;

/// <summary>Reads response bodies with a size cap, so a misbehaving endpoint cannot exhaust memory.</summary>
internal static class ResponseReader
{
    /// <summary>The documented bodies are a few hundred bytes; a page of 50 activations stays far below this.</summary>
    public const int MaxSuccessBodyBytes = 4 * 1024 * 1024;

    /// <summary>Error bodies are small; only this much is read for diagnosis.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>Reads at most <paramref name="maxBytes"/> of the body; reports whether it was cut short.</summary>
    public static async Task<(byte[] Body, bool Truncated)> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (Array.Empty<byte>(), false);
        }

        if (content.Headers.ContentLength is long declared && declared > maxBytes)
        {
            return (Array.Empty<byte>(), true);
        }

#if NET8_0_OR_GREATER
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        int capacity = content.Headers.ContentLength is long length ? (int)length : 1024;
        using var buffer = new MemoryStream(capacity);
        byte[] chunk = new byte[Math.Min(16 * 1024, maxBytes + 1)];
        while (true)
        {
            int read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), false);
            }

            if (buffer.Length + read > maxBytes)
            {
                return (Array.Empty<byte>(), true);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    public static string DecodeText(byte[] body) => Encoding.UTF8.GetString(body);
}
