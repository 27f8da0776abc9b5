using IntegrationHub.Adapters.Channels.Formats;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class NameBasedGuidTests
{
    static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Name_based_ids_follow_rfc_9562_version_5()
    {
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(DnsNamespace, "python.org"));
    }

    [Fact]
    public void Same_namespace_and_name_give_the_same_id_and_another_namespace_another()
    {
        var otherNamespace = new Guid("2f1c5a8e-7d4b-4e0f-9a3c-6b8d1e2f4a70");

        Assert.Equal(NameBasedGuid.Create(DnsNamespace, "leg/1"), NameBasedGuid.Create(DnsNamespace, "leg/1"));
        Assert.NotEqual(NameBasedGuid.Create(DnsNamespace, "leg/1"), NameBasedGuid.Create(DnsNamespace, "leg/2"));
        Assert.NotEqual(NameBasedGuid.Create(DnsNamespace, "leg/1"), NameBasedGuid.Create(otherNamespace, "leg/1"));
        Assert.Equal(5, NameBasedGuid.Create(otherNamespace, "leg/1").Version);
    }
}
