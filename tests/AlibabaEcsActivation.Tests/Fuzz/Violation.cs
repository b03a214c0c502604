using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// One broken rule in one case. <see cref="Detail"/> is redacted (no planted secret, no signature, no body text
/// that carried a planted code); <see cref="Responses"/> lists the generated answers by shape only.
/// </summary>
internal sealed record Violation(
    string Kind,
    string What,
    string Method,
    int Seed,
    string ExceptionType,
    string ThrowSite,
    ExceptionSite Site,
    string Detail,
    IReadOnlyList<string> Responses,
    IReadOnlyCollection<string> Categories)
{
    /// <summary>One root cause: the broken rule, the SDK method it breaks in and that method's SDK caller
    /// (lines, exception types and BCL throw sites are listed per group).</summary>
    public string GroupKey => $"{Kind}|{What}|{Site.GroupSite}";
}

/// <summary>Where in the SDK an exception passed: the first SDK frame (file:line), the first few distinct SDK methods, and the grouping key.</summary>
internal sealed record ExceptionSite(string SdkFrame, string SdkPath, string GroupSite)
{
    public static readonly ExceptionSite None = new("-", "-", "-");
}

/// <summary>Where an exception came from: the frame that threw, and the first frame inside the SDK (file:line).</summary>
internal static class ThrowSites
{
    public static (string ThrowSite, ExceptionSite Site) Of(Exception e)
    {
        StackFrame[] frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        string throwSite = frames.Length == 0 ? "(no stack)" : Describe(frames[0]);
        var sdk = new List<(string Method, string Where)>();
        foreach (StackFrame frame in frames.Where(f => IsSdk(f.GetMethod())))
        {
            string method = MethodName(frame.GetMethod());
            if (sdk.Count == 0 || sdk[^1].Method != method)
            {
                sdk.Add((method, Describe(frame)));
            }
        }

        if (sdk.Count == 0)
        {
            return (throwSite, new ExceptionSite("(no SDK frame)", "(no SDK frame)", "(no SDK frame)"));
        }

        string path = string.Join(" <- ", sdk.Take(5).Select(f => f.Where));
        string group = sdk.Count > 1 ? $"{sdk[0].Method} <- {sdk[1].Method}" : sdk[0].Method;
        return (throwSite, new ExceptionSite(sdk[0].Where, path, group));
    }

    private static bool IsSdk(MethodBase? method)
    {
        string? ns = method?.DeclaringType?.Namespace;
        return ns is not null && ns.StartsWith("AlibabaEcsActivation", StringComparison.Ordinal)
            && !ns.StartsWith("AlibabaEcsActivation.Tests", StringComparison.Ordinal);
    }

    private static string Describe(StackFrame frame)
    {
        string name = MethodName(frame.GetMethod());
        string? file = frame.GetFileName();
        if (file is null)
        {
            return name;
        }

        int src = file.Replace('\\', '/').LastIndexOf("/src/", StringComparison.Ordinal);
        string shortFile = src >= 0 ? file.Substring(src + 1).Replace('\\', '/') : System.IO.Path.GetFileName(file);
        return $"{name} ({shortFile}:{frame.GetFileLineNumber().ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>Type.Method, with async/iterator state machines and lambdas shown as the method they belong to.</summary>
    private static string MethodName(MethodBase? method)
    {
        if (method is null)
        {
            return "(unknown)";
        }

        Type? type = method.DeclaringType;
        string methodName = method.Name;
        if (methodName.StartsWith('<'))
        {
            methodName = Inner(methodName) + " (lambda)"; // <DisableMatchingAsync>b__5_0
        }
        else if (type is not null && type.Name.StartsWith('<') && type.DeclaringType is not null && Inner(type.Name).Length > 0)
        {
            methodName = Inner(type.Name); // <ReadResponseAsync>d__13: the async method itself
        }

        while (type is not null && type.Name.StartsWith('<') && type.DeclaringType is not null)
        {
            type = type.DeclaringType; // state machines and closures
        }

        string typeName = type is null ? string.Empty : (type.IsGenericType ? type.Name.Substring(0, type.Name.IndexOf('`', StringComparison.Ordinal)) : type.Name) + ".";
        return typeName + methodName;
    }

    private static string Inner(string name)
    {
        int local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local > 0)
        {
            // <<DisableEachAsync>g__WorkAsync|0>d or <DisableEachAsync>g__WorkAsync|0: a local function
            int bar = name.IndexOf('|', local);
            string outer = name.Substring(0, local).TrimStart('<');
            return (bar > local ? name.Substring(local + 4, bar - local - 4) : name.Substring(local + 4)) + " in " + outer;
        }

        int end = name.IndexOf('>', StringComparison.Ordinal);
        return end > 1 ? name.Substring(1, end - 1) : string.Empty;
    }
}

/// <summary>Finds the planted secrets (whole or any 10-character piece) and request signatures in text, and redacts them.</summary>
internal static class SecretScan
{
    private const int Window = 10;

    private static readonly (string Name, string[] Pieces)[] Planted =
    {
        ("the planted ActivationCode", Pieces(DocumentedBodies.ActivationCodeCanary)),
        ("the planted AccessKeySecret", Pieces(DocumentedBodies.SecretCanary)),
    };

    /// <summary>The names of the secrets found in <paramref name="text"/>.</summary>
    public static List<string> Find(string text, IReadOnlyCollection<string> signatures)
    {
        var found = new List<string>();
        foreach (var (name, pieces) in Planted)
        {
            if (pieces.Any(p => text.Contains(p, StringComparison.Ordinal)))
            {
                found.Add(name);
            }
        }

        if (signatures.Any(s => s.Length >= 8 && (text.Contains(s, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(s), StringComparison.Ordinal))))
        {
            found.Add("a request Signature");
        }

        return found;
    }

    /// <summary>The text with every secret piece and signature replaced, control and non-ASCII characters escaped, cut short.</summary>
    public static string Redact(string text, IReadOnlyCollection<string> signatures, int max = 220)
    {
        // Mark every character covered by a secret piece or a signature, then collapse each marked run.
        var hidden = new bool[text.Length];
        void Hide(string piece)
        {
            for (int at = text.IndexOf(piece, StringComparison.Ordinal); at >= 0; at = text.IndexOf(piece, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(hidden, true, at, piece.Length);
            }
        }

        foreach (var (_, pieces) in Planted)
        {
            foreach (string piece in pieces)
            {
                Hide(piece);
            }
        }

        foreach (string signature in signatures.Where(s => s.Length >= 8))
        {
            Hide(signature);
            Hide(Uri.EscapeDataString(signature));
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (!hidden[i])
            {
                sb.Append(text[i]);
            }
            else if (i == 0 || !hidden[i - 1])
            {
                sb.Append("<redacted>");
            }
        }

        return FuzzResponse.Printable(sb.ToString(), max);
    }

    private static string[] Pieces(string secret) =>
        Enumerable.Range(0, secret.Length - Window + 1).Select(i => secret.Substring(i, Window)).ToArray();
}
