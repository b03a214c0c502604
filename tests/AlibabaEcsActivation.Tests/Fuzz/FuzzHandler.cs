using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>The in-process fuzz service: answers every attempt with a generated response. No socket is opened.</summary>
internal sealed class FuzzHandler(FuzzWorld world) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        world.EnterHandler();
        try
        {
            return await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            world.LeaveHandler();
        }
    }

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        FuzzRequest fuzzRequest = world.Accept(request);
        FuzzResponse response = ResponseGenerator.Generate(world.RandomFor(fuzzRequest), world, fuzzRequest);
        world.Record(fuzzRequest, response);
        if (response.CancelCaller)
        {
            world.Caller.Cancel();
        }

        switch (response.Delivery)
        {
            case Delivery.ThrowBeforeHeaders:
                response.ReleaseBody();
                throw FuzzStream.Create(response.Fault);
            case Delivery.StallBeforeHeaders:
                await world.StallAsync(cancellationToken).ConfigureAwait(false);
                break;
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.Status) { RequestMessage = request };
        foreach (var (name, value) in response.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (response.NoContent)
        {
            response.ReleaseBody();
            return message;
        }

        HttpContent content = response.Delivery switch
        {
            Delivery.Normal => new ByteArrayContent(response.Body),
            Delivery.LyingLength => new ByteArrayContent(response.Body),
            Delivery.Undeclared => new StreamContent(new FuzzStream(response.Body, maxChunk: int.MaxValue)),
            Delivery.Trickle => new StreamContent(new FuzzStream(response.Body, maxChunk: 3)),
            Delivery.ThrowMidBody => new StreamContent(new FuzzStream(response.Body, maxChunk: 1024, stopAt: response.FaultOffset, fault: response.Fault)),
            _ => new StreamContent(new FuzzStream(response.Body, maxChunk: 1024, stopAt: response.FaultOffset, stall: world)),
        };
        if (response.Delivery == Delivery.LyingLength)
        {
            content.Headers.ContentLength = response.DeclaredLength;
        }
        else if (response.Delivery is Delivery.ThrowMidBody or Delivery.StallMidBody && response.FaultOffset % 2 == 0)
        {
            content.Headers.ContentLength = response.Body.Length; // the server promised the whole body, then broke off
        }

        if (response.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        }

        message.Content = content;
        response.ReleaseBody();
        return message;
    }
}

/// <summary>A read-only, non-seekable body that can return few bytes per read, throw after some bytes, or stall until cancelled.</summary>
internal sealed class FuzzStream : Stream
{
    private readonly byte[] _data;
    private readonly int _maxChunk;
    private readonly int _stopAt;
    private readonly FaultKind? _fault;
    private readonly FuzzWorld? _stall;
    private int _position;

    public FuzzStream(byte[] data, int maxChunk, int stopAt = -1, FaultKind? fault = null, FuzzWorld? stall = null)
    {
        _data = data;
        _maxChunk = maxChunk;
        _stopAt = stopAt < 0 ? data.Length : Math.Min(stopAt, data.Length);
        _fault = fault;
        _stall = stall;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The exception a fault throws; no message carries anything of the body.</summary>
    public static Exception Create(FaultKind kind) => kind switch
    {
        FaultKind.IOException => new IOException("fuzz: the connection was reset"),
        FaultKind.HttpRequestException => new HttpRequestException("fuzz: the response ended prematurely"),
        FaultKind.SocketException => new SocketException((int)SocketError.ConnectionReset),
        FaultKind.InvalidOperationException => new InvalidOperationException("fuzz: stream misuse"),
        FaultKind.ObjectDisposedException => new ObjectDisposedException(nameof(FuzzStream)),
        FaultKind.ForeignOperationCanceled => new OperationCanceledException("fuzz: cancelled by something other than the caller"),
        FaultKind.NotSupportedException => new NotSupportedException("fuzz: not supported"),
        FaultKind.ForeignTaskCanceled => new TaskCanceledException("fuzz: a task was cancelled, not by the caller"),
        _ => new Exception("fuzz: a plain exception"),
    };

    public override int Read(byte[] buffer, int offset, int count) => ReadCore(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_stall is not null && _position >= _stopAt)
        {
            await _stall.StallAsync(cancellationToken).ConfigureAwait(false);
        }

        return ReadCore(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadCore(Span<byte> buffer)
    {
        if (_position >= _stopAt && _fault is FaultKind kind)
        {
            throw Create(kind);
        }

        int n = Math.Min(Math.Min(buffer.Length, _maxChunk), _stopAt - _position);
        if (n <= 0)
        {
            return 0;
        }

        _data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
