using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Cli.Connection;

/// <summary>The in-process emulator of <c>--emulator</c>, seeded so that a demo shows more than one line.</summary>
internal static class DemoEmulator
{
    /// <summary>The seeded code a demo disables: the documented example.</summary>
    public static string ExampleId => EmulatedActivation.DocumentedExample.ActivationId;

    /// <summary>The region of the seeded codes.</summary>
    public static string Region => EmulatedActivation.DocumentedExample.RegionId;

    /// <summary>
    /// An emulator with the documented example and three more: two enabled codes named <c>web</c> (one tagged
    /// env=prod) and one already disabled named <c>db</c>. None is a real code.
    /// </summary>
    public static EcsEmulator Create()
    {
        var emulator = new EcsEmulator(new EcsEmulatorOptions { SeedDocumentedExample = true });
        EmulatedActivation example = EmulatedActivation.DocumentedExample;
        emulator.Activations.Put(example with { ActivationId = "5B2C1F3A-0D4E-4C6B-8A7F-2E9D1234****", InstanceName = "web", RegisteredCount = 2, DeregisteredCount = 0, Tags = new[] { new EmulatedTag("env", "prod") } });
        emulator.Activations.Put(example with { ActivationId = "6C3D2E4B-1E5F-4D7C-9B8E-3F0E1234****", InstanceName = "web", RegisteredCount = 0, DeregisteredCount = 0 });
        emulator.Activations.Put(example with { ActivationId = "7D4E3F5C-2F6A-4E8D-8C9F-4A1F1234****", InstanceName = "db", Disabled = true });
        return emulator;
    }
}
