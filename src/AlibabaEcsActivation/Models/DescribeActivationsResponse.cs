using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>One page of DescribeActivations.</summary>
public sealed class DescribeActivationsResponse : IEcsResponse
{
    private IReadOnlyList<Activation> _activationList = Array.Empty<Activation>();
    private EcsResponseMetadata _responseMetadata = EcsResponseMetadata.None;

    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>Token mode: pass this as <see cref="DescribeActivationsRequest.NextToken"/> to get the next page; null or empty on the last page.</summary>
    [JsonPropertyName("NextToken")]
    public string? NextToken { get; init; }

    /// <summary>Numbered-page mode: the number of this page, from 1.</summary>
    [JsonPropertyName("PageNumber")]
    public int PageNumber { get; init; }

    /// <summary>Numbered-page mode: entries per page.</summary>
    [JsonPropertyName("PageSize")]
    public int PageSize { get; init; }

    /// <summary>How many codes match the filters, over all pages. Not meaningful in token mode.</summary>
    [JsonPropertyName("TotalCount")]
    public int TotalCount { get; init; }

    /// <summary>The codes on this page; empty (never null) when there are none.</summary>
    [JsonPropertyName("ActivationList")]
    public IReadOnlyList<Activation> ActivationList
    {
        get => _activationList;
        init => _activationList = value ?? Array.Empty<Activation>();
    }

    /// <summary>
    /// The HTTP exchange behind this response: status code, request ID, attempts and elapsed time. A
    /// response built by hand (a test double's) carries zeros unless it sets this.
    /// </summary>
    [JsonIgnore]
    public EcsResponseMetadata ResponseMetadata
    {
        get => _responseMetadata;
        // System.Text.Json 8's source generator sets even this ignored init-only property, to null.
        init => _responseMetadata = value ?? EcsResponseMetadata.None;
    }

    void IEcsResponse.SetResponseMetadata(EcsResponseMetadata metadata) => _responseMetadata = metadata;

    /// <inheritdoc />
    public override string ToString() =>
        $"DescribeActivationsResponse {{ RequestId = {RequestId}, Count = {ActivationList.Count}, PageNumber = {PageNumber}, PageSize = {PageSize}, TotalCount = {TotalCount}, NextToken = {NextToken} }}";
}
