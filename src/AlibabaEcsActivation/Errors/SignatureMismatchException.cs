using System;

namespace AlibabaEcsActivation;

/// <summary>
/// <c>SignatureDoesNotMatch</c>. The service quotes its own string-to-sign; comparing it with ours
/// tells a wrong AccessKeySecret (the strings agree) from an encoding disagreement (they do not),
/// which <see cref="Diagnosis"/> reports. Neither string is put in the message: RPC v1's carry the
/// AccessKeyId and any security token. With signature V3 the string-to-sign holds only a hash of the
/// canonical request, so a disagreement says that the canonical forms differ, not where.
/// </summary>
public class SignatureMismatchException : EcsAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service returned (its message already stripped of the server's string-to-sign).</param>
    /// <param name="diagnosis">What the comparison of the two strings-to-sign showed.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public SignatureMismatchException(EcsError error, SignatureMismatchDiagnosis diagnosis, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException, Explain(diagnosis))
    {
        Diagnosis = diagnosis;
    }

    /// <summary>What the comparison of the server's string-to-sign with ours showed.</summary>
    public SignatureMismatchDiagnosis Diagnosis { get; }

    private static string Explain(SignatureMismatchDiagnosis diagnosis) => diagnosis switch
    {
        SignatureMismatchDiagnosis.WrongSecret =>
            "The service's string-to-sign equals ours, so the AccessKeySecret is wrong for this AccessKeyId.",
        SignatureMismatchDiagnosis.EncodingMismatch =>
            "The service's string-to-sign differs from ours: the request was canonicalised differently (an encoding problem, or a proxy that rewrote the query or a signed header). Please report it.",
        _ => "The service did not quote its string-to-sign, so a wrong AccessKeySecret cannot be told from a canonicalisation mismatch.",
    };
}
