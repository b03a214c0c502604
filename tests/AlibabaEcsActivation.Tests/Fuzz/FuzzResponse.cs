using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>How the body reaches the client.</summary>
internal enum Delivery
{
    /// <summary>A byte array with its true Content-Length.</summary>
    Normal,

    /// <summary>A non-seekable stream without Content-Length (as with chunked transfer).</summary>
    Undeclared,

    /// <summary>Undeclared, and every read returns only a few bytes.</summary>
    Trickle,

    /// <summary>A Content-Length that does not match the bytes.</summary>
    LyingLength,

    /// <summary>The stream throws after <see cref="FuzzResponse.FaultOffset"/> bytes.</summary>
    ThrowMidBody,

    /// <summary>The stream stops after <see cref="FuzzResponse.FaultOffset"/> bytes until the read is cancelled.</summary>
    StallMidBody,

    /// <summary>SendAsync throws: no response at all.</summary>
    ThrowBeforeHeaders,

    /// <summary>SendAsync waits until it is cancelled.</summary>
    StallBeforeHeaders,
}

/// <summary>What a fault throws.</summary>
internal enum FaultKind
{
    IOException,
    HttpRequestException,
    SocketException,
    InvalidOperationException,
    ObjectDisposedException,
    ForeignOperationCanceled,
    NotSupportedException,
    PlainException,
    ForeignTaskCanceled,
}

/// <summary>One generated answer to one HTTP attempt. <see cref="Label"/> names its shape and never holds body text.</summary>
internal sealed class FuzzResponse
{
    public int Status { get; set; } = 200;

    /// <summary>The raw Content-Type header value; null sends none.</summary>
    public string? ContentType { get; set; } = "application/json; charset=utf-8";

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public byte[] Body { get; set; } = Array.Empty<byte>();

    /// <summary>The body's length, kept after <see cref="ReleaseBody"/>.</summary>
    public int BodyLength { get; private set; } = -1;

    /// <summary>Drops the body once the content holds it, so the trace does not keep megabytes alive.</summary>
    public void ReleaseBody()
    {
        BodyLength = Body.Length;
        Body = Array.Empty<byte>();
    }

    /// <summary>True: the response has no content object at all (HttpResponseMessage.Content left unset).</summary>
    public bool NoContent { get; set; }

    public Delivery Delivery { get; set; } = Delivery.Normal;

    public long DeclaredLength { get; set; }

    public int FaultOffset { get; set; }

    public FaultKind Fault { get; set; }

    /// <summary>The handler cancels the caller's token before answering (a caller that gives up mid-call).</summary>
    public bool CancelCaller { get; set; }

    /// <summary>The generator's category (valid, doc-mutated, xml, ...), for the coverage counts.</summary>
    public string Category { get; set; } = "valid";

    /// <summary>The shape of the body, e.g. <c>doc-mutated:null(Activation)</c>.</summary>
    public string BodyShape { get; set; } = "valid";

    /// <summary>A 2xx whose body is delivered to its end (possibly under a lying length): the only kind of answer a success may come from.</summary>
    public bool Complete2xx => Status is >= 200 and <= 299 && Delivery is Delivery.Normal or Delivery.Undeclared or Delivery.Trickle or Delivery.LyingLength;

    public string Label
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ContentType is null ? "no-ctype" : ShortType(ContentType)).Append(' ').Append(BodyShape);
            sb.Append(" (").Append(NoContent ? "no content" : (BodyLength >= 0 ? BodyLength : Body.Length).ToString(CultureInfo.InvariantCulture) + " B").Append(')');
            switch (Delivery)
            {
                case Delivery.Normal:
                    break;
                case Delivery.LyingLength:
                    sb.Append(" +Content-Length=").Append(DeclaredLength.ToString(CultureInfo.InvariantCulture));
                    break;
                case Delivery.ThrowMidBody:
                    sb.Append(" +stream throws ").Append(Fault).Append(" at byte ").Append(FaultOffset.ToString(CultureInfo.InvariantCulture));
                    break;
                case Delivery.StallMidBody:
                    sb.Append(" +stream stalls at byte ").Append(FaultOffset.ToString(CultureInfo.InvariantCulture));
                    break;
                case Delivery.ThrowBeforeHeaders:
                    sb.Append(" +SendAsync throws ").Append(Fault);
                    break;
                default:
                    sb.Append(" +").Append(Delivery);
                    break;
            }

            foreach (var (name, value) in Headers)
            {
                sb.Append(" +").Append(name).Append('=').Append(Printable(value, 40));
            }

            if (CancelCaller)
            {
                sb.Append(" +caller cancels");
            }

            return sb.ToString();
        }
    }

    /// <summary>ASCII-only, control characters escaped, cut to <paramref name="max"/> characters.</summary>
    public static string Printable(string value, int max)
    {
        var sb = new StringBuilder();
        foreach (char c in value)
        {
            if (sb.Length >= max)
            {
                sb.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
                break;
            }

            if (c is >= ' ' and <= '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string ShortType(string contentType)
    {
        string t = contentType.ToLowerInvariant();
        if (t.Contains("json", StringComparison.Ordinal))
        {
            return t.Contains("bogus", StringComparison.Ordinal) ? "json;charset=bogus" : "json";
        }

        if (t.Contains("xml", StringComparison.Ordinal))
        {
            return "xml";
        }

        if (t.Contains("html", StringComparison.Ordinal))
        {
            return "html";
        }

        return Printable(contentType, 24);
    }
}
