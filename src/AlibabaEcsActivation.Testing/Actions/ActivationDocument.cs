using System.Globalization;
using System.Linq;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>The <c>Activation</c> object as the API reference's example shows it, field order included.</summary>
internal static class ActivationDocument
{
    /// <summary>
    /// An <c>ActivationList</c> entry of DescribeActivations: the object plus <c>ResourceGroupId</c> and
    /// <c>Tags</c>, a plain array of <c>{TagKey, TagValue}</c> (XML: a <c>Tags</c> element holding <c>Tag</c> elements).
    /// </summary>
    public static ResponseNode Listed(EmulatedActivation a) =>
        Create(a)
            .Add("ResourceGroupId", a.ResourceGroupId)
            .AddList("Tags", a.Tags.Select(t => new ResponseNode("Tag").Add("TagKey", t.Key).Add("TagValue", t.Value)).ToList());

    public static ResponseNode Create(EmulatedActivation a, bool includeDisabled = true)
    {
        var node = new ResponseNode("Activation")
            .Add("CreationTime", a.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Add("DeregisteredCount", a.DeregisteredCount)
            .Add("InstanceCount", a.InstanceCount)
            .Add("Description", a.Description)
            .Add("RegisteredCount", a.RegisteredCount)
            .Add("InstanceName", a.InstanceName);
        if (includeDisabled)
        {
            node.Add("Disabled", a.Disabled);
        }

        return node
            .Add("IpAddressRange", a.IpAddressRange)
            .Add("TimeToLiveInHours", a.TimeToLiveInHours)
            .Add("ActivationId", a.ActivationId);
    }
}
