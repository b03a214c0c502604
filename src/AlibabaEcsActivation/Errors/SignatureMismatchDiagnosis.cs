namespace AlibabaEcsActivation;

/// <summary>Why a signature did not match, as far as the two strings-to-sign can tell.</summary>
public enum SignatureMismatchDiagnosis
{
    /// <summary>The service did not quote its string-to-sign.</summary>
    Unknown = 0,

    /// <summary>Both sides signed the same string: the AccessKeySecret is wrong.</summary>
    WrongSecret = 1,

    /// <summary>The strings differ: the request was encoded or altered differently from what was signed.</summary>
    EncodingMismatch = 2,
}
