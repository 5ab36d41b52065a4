using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Workbench.Features.MarketEntities;

/// <summary>
/// POST /api/public/signatures/verify: anyone checks a document against an entity's signature. The multipart
/// form is read as a stream and the document hashed (SM3) as it arrives, so a 20 MB upload costs 64 KB of
/// memory; the JSON form (document as base64) is limited to <see cref="RequestSizeLimits.VerifySignatureJsonBytes"/>.
/// </summary>
internal static class SignatureEndpoints
{
    private const int MaxSignatureChars = 16 * 1024;

    private const string JsonShape = "请求体应为 JSON：{ \"document\": \"<文件的 base64>\", \"signature\": \"NXSIG1.…\" }，或 multipart 表单（document 文件 + signature 字段）。";

    /// <summary>The JSON form of the request (documentation of the API; the body is parsed by hand).</summary>
    public sealed record VerifyRequest(string? Document, string? Signature);

    /// <summary>The answer; signer, creditCode and signedAt are null when the signature itself is not genuine.</summary>
    public sealed record VerifyResponse(bool Valid, string? Signer, string? CreditCode, DateTime? SignedAt, string Message);

    private sealed record Upload(DocumentDigest? Document, string? Signature, IResult? Refusal);

    public static async Task<IResult> VerifyAsync(HttpRequest request, SignatureService signatures, RequestSizeLimits limits, CancellationToken cancellationToken)
    {
        Upload upload;
        try
        {
            upload = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await ReadMultipartAsync(request, type, cancellationToken)
                : await ReadJsonAsync(request, limits.VerifySignatureJsonBytes, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Refuse("上传的表单（multipart）格式不正确。");
        }
        if (upload.Refusal is { } refusal)
        {
            return refusal;
        }
        if (upload.Document is null)
        {
            return Refuse("请在 document 字段上传需要验证的文件。");
        }
        if (string.IsNullOrWhiteSpace(upload.Signature))
        {
            return Refuse("请提供签名值 signature（以 NXSIG1. 开头）。");
        }
        var result = await signatures.VerifyDigestAsync(upload.Document.ToHex(), upload.Signature, cancellationToken);
        return Results.Ok(new VerifyResponse(result.Valid, result.Signer, result.CreditCode, result.SignedAtUtc, result.Message));
    }

    private static async Task<Upload> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue type, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            return new Upload(null, null, Refuse("上传的表单（multipart）缺少有效的 boundary。"));
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        DocumentDigest? document = null;
        string? signature = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name == "document" && disposition.IsFileDisposition())
            {
                document = await DocumentDigest.OfStreamAsync(section.Body, SignatureService.MaxDocumentBytes, cancellationToken);
                if (document is null)
                {
                    return new Upload(null, null, TooLarge());
                }
            }
            else if (name == "signature")
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[MaxSignatureChars + 1];
                var read = await text.ReadBlockAsync(buffer, cancellationToken);
                if (read > MaxSignatureChars)
                {
                    return new Upload(null, null, Refuse("签名值过长。"));
                }
                signature = new string(buffer, 0, read);
            }
            // Any other part is skipped by the reader without being kept.
        }
        return new Upload(document, signature, null);
    }

    private static async Task<Upload> ReadJsonAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return new Upload(null, null, TooLarge(maxBytes));
        }
        var body = request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBytes)
            {
                body.AdvanceTo(read.Buffer.End);
                return new Upload(null, null, TooLarge(maxBytes));
            }
            if (read.IsCompleted)
            {
                break;
            }
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        try
        {
            return ParseJson(read.Buffer);
        }
        catch (JsonException)
        {
            return new Upload(null, null, Refuse(JsonShape));
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }
    }

    private static Upload ParseJson(ReadOnlySequence<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new Upload(null, null, Refuse(JsonShape));
        }
        DocumentDigest? document = null;
        string? signature = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "document", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
            {
                document = DecodeBase64(ref reader);
                if (document is null)
                {
                    return new Upload(null, null, Refuse("document 须为文件内容的 base64 编码。"));
                }
            }
            else if (string.Equals(name, "signature", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.String)
            {
                signature = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        if (document is not null && document.Length > SignatureService.MaxDocumentBytes)
        {
            return new Upload(null, null, TooLarge());
        }
        return new Upload(document, signature, null);
    }

    /// <summary>Unescapes the JSON string into a pooled buffer and hashes its base64 content; null when it is not base64.</summary>
    private static DocumentDigest? DecodeBase64(ref Utf8JsonReader reader)
    {
        var length = checked((int)(reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length));
        var text = ArrayPool<byte>.Shared.Rent(Math.Max(length, 4));
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(Base64.GetMaxDecodedFromUtf8Length(length), 3));
        try
        {
            var written = reader.CopyString(text);
            if (Base64.DecodeFromUtf8(text.AsSpan(0, written), bytes, out _, out var decoded) != OperationStatus.Done)
            {
                return null;
            }
            var digest = new DocumentDigest();
            digest.Append(bytes.AsSpan(0, decoded));
            return digest;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static IResult TooLarge(long? requestBytes = null) =>
        Results.Problem(title: ChineseErrors.Title(StatusCodes.Status413PayloadTooLarge),
            detail: requestBytes is { } limit
                ? $"JSON 请求体超过 {RequestSizeMiddleware.FormatBytes(limit)}；较大的文件请用 multipart 表单上传（document 文件 + signature 字段）。"
                : $"文件超过 {SignatureService.MaxDocumentBytes / 1024 / 1024} MB。",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Refuse(string detail) =>
        Results.Problem(title: "请求参数有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
