using System;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>
/// A keyed MAC or a secret kept in static or thread-static state outlives the client that made it (on
/// every thread-pool thread that ever signed). The SDK keeps none: it keys each signature afresh.
/// </summary>
public class NoKeyMaterialInStaticStateTests
{
    private static readonly FieldInfo[] StaticFields = typeof(EcsActivationClient).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Where(f => !f.IsLiteral)
        .ToArray();

    [Fact]
    public void No_field_is_thread_static()
    {
        Assert.Empty(StaticFields.Where(f => f.IsDefined(typeof(ThreadStaticAttribute))).Select(f => $"{f.DeclaringType}.{f.Name}"));
    }

    [Fact]
    public void No_static_field_holds_a_hash_or_mac_state()
    {
        Assert.NotEmpty(StaticFields); // the scan sees the assembly's statics at all
        Assert.Empty(StaticFields
            .Where(f => typeof(HashAlgorithm).IsAssignableFrom(f.FieldType) || f.FieldType == typeof(IncrementalHash))
            .Select(f => $"{f.DeclaringType}.{f.Name}"));
    }
}
