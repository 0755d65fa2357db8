using System.Net;
using System.Text;
using Rsspot.Generated.Api.Models;
using Rsspot.Serialization;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Serialization;

/// <summary>
/// Resource answers read straight from their bytes give the models Kiota builds from the same bytes; every answer the
/// byte reader does not read in full is left to the document reader (which then ends it exactly as before).
/// </summary>
public sealed class Utf8ModelNodeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task The_emulators_region_list_is_read_from_its_bytes_into_the_models_Kiota_builds()
    {
        using var recorder = new RecordingTransport();
        using var client = fixture.Client(o => o with { Transport = recorder, NoCache = true });
        var listed = await client.Regions.ListAsync();
        var (_, body) = Assert.Single(recorder.Take(), r => r.Path.EndsWith("/regions", StringComparison.Ordinal));

        Assert.True(Utf8ModelNode.TryRead(body, RegionList.CreateFromDiscriminatorValue, HttpStatusCode.OK, out var model));
        var kiota = await KiotaJson.ParseWithKiotaAsync(body, RegionList.CreateFromDiscriminatorValue);
        Assert.Equal(KiotaJson.Write(kiota), KiotaJson.Write(model));
        Assert.NotEmpty(listed);
        Assert.Equal(kiota.Items!.Select(r => KiotaJson.Write(r)), listed.Select(r => KiotaJson.Write(r)));
    }

    [Theory]
    [InlineData("""{"kind":"RegionList","apiVersion":"ngpc.rxt.io/v1","items":[]}""")]
    [InlineData("""{"items":[{"kind":"Region","metadata":{"name":"a\u00e9\"b","creationTimestamp":"2024-01-02T03:04:05Z","generation":7,"finalizers":["x",null]}}]}""")]
    [InlineData("""{"kind":"List","metadata":{"remainingItemCount":3,"continue":null},"items":[{"spec":{"country":"US","description":null}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"labels":{"tier":"a","n":2,"on":true,"off":false,"none":null,"when":"2024-01-02T03:04:05Z","id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff"}}}],"extra":"x","more":1.5}""")]
    [InlineData("""{"kind":"RegionList","items":[{"kind":"Region","metadata":{"name":"dup","name":"second"}}]}""")]
    [InlineData("""{"kind":"RegionList","items":null}""")]
    public async Task Plain_answers_are_read_from_bytes_as_Kiota_reads_them(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        Assert.True(Utf8ModelNode.TryRead(body, RegionList.CreateFromDiscriminatorValue, HttpStatusCode.OK, out var model));
        var kiota = await KiotaJson.ParseWithKiotaAsync(body, RegionList.CreateFromDiscriminatorValue);
        Assert.Equal(KiotaJson.Write(kiota), KiotaJson.Write(model));
        var sdk = await KiotaJson.ParseWithSdkAsync(body, RegionList.CreateFromDiscriminatorValue);
        Assert.Equal(KiotaJson.AdditionalDataTypes(sdk), KiotaJson.AdditionalDataTypes(model));
        foreach (var (mine, theirs) in (model.Items ?? []).Zip(sdk.Items ?? []))
        {
            if (theirs.Metadata?.Labels is { } labels)
            {
                Assert.Equal(KiotaJson.AdditionalDataTypes(labels), KiotaJson.AdditionalDataTypes(mine.Metadata!.Labels!));
            }
        }
    }

    [Theory]
    [InlineData("""{"kind":"Status","apiVersion":"v1","code":403,"message":"no"}""")]
    [InlineData("""{"kind":"CloudSpaceList","items":[]}""")]
    [InlineData("""{"kind":"RegionList","apiVersion":"other/v1","items":[]}""")]
    [InlineData("""{"metadata":{}}""")]
    [InlineData("""{"kind":"RegionList","kind":"RegionList","items":[]}""")]
    [InlineData("""{"kind":5,"items":[]}""")]
    [InlineData("""{"kind":"RegionList","items":{}}""")]
    [InlineData("""{"kind":"RegionList","items":[null]}""")]
    [InlineData("""{"kind":"RegionList","items":["a"]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"name":5}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"name":true}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"generation":"7"}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"generation":1.5}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[{"metadata":{"creationTimestamp":"yesterday"}}]}""")]
    [InlineData("""{"kind":"RegionList","items":[],"extra":{"a":1}}""")]
    [InlineData("""{"kind":"RegionList","items":[],"extra":[1]}""")]
    [InlineData("""{"kind":"RegionList","items":[],"\u0065xtra":1}""")]
    [InlineData("""{"kind":"RegionList","items":[]} {}""")]
    [InlineData("""{"kind":"RegionList","items":[""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void Other_answers_are_left_to_the_document_reader(string json) =>
        Assert.False(Utf8ModelNode.TryRead(Encoding.UTF8.GetBytes(json), RegionList.CreateFromDiscriminatorValue, HttpStatusCode.OK, out _));

    [Fact]
    public void Models_other_than_resources_are_left_to_the_document_reader() =>
        Assert.False(Utf8ModelNode.TryRead("""{"organizations":[]}"""u8.ToArray(), OrganizationList.CreateFromDiscriminatorValue, HttpStatusCode.OK, out _));
}
