using System;
using System.Buffers;
using System.Text;

namespace AlibabaEcsActivation.Transport;

/// <summary>A response body read into a pooled buffer; dispose it once, when done parsing.</summary>
internal readonly struct ResponseBody : IDisposable
{
    private readonly byte[]? _buffer;

    public ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    private ResponseBody(bool truncated)
    {
        Truncated = truncated;
    }

    /// <summary>A body that exceeded the cap and was not kept.</summary>
    public static ResponseBody TooLarge => new(truncated: true);

    public int Length { get; }

    /// <summary>True when the body exceeded the cap; it is then empty.</summary>
    public bool Truncated { get; }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, Length);

    public string DecodeText() => _buffer is null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Length);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            // Bodies can hold secrets (an STS AccessKeySecret, a one-time ActivationCode): wipe what was used.
            Array.Clear(_buffer, 0, Length);
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
