using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Workbench.Features.MarketEntities;

/// <summary>POST /api/public/signatures/verify: anyone checks a document against an entity's signature.</summary>
internal static class SignatureEndpoints
{
    /// <summary>The JSON form of the request.</summary>
    public sealed record VerifyRequest(string? Document, string? Signature);

    /// <summary>The answer; signer, creditCode and signedAt are null when the signature itself is not genuine.</summary>
    public sealed record VerifyResponse(bool Valid, string? Signer, string? CreditCode, DateTime? SignedAt, string Message);

    public static async Task<IResult> VerifyAsync(HttpRequest request, SignatureService signatures, CancellationToken cancellationToken)
    {
        byte[] document;
        string? signature;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("document");
            if (file is null)
            {
                return Refuse("请在 document 字段上传需要验证的文件。");
            }
            if (file.Length > SignatureService.MaxDocumentBytes)
            {
                return Refuse($"文件超过 {SignatureService.MaxDocumentBytes / 1024 / 1024} MB。");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            document = buffer.ToArray();
            signature = form["signature"].ToString();
        }
        else
        {
            VerifyRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<VerifyRequest>(cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                return Refuse("请求体应为 JSON：{ \"document\": \"<文件的 base64>\", \"signature\": \"NXSIG1.…\" }，或 multipart 表单。");
            }
            catch (InvalidOperationException)
            {
                return Refuse("请求体应为 JSON：{ \"document\": \"<文件的 base64>\", \"signature\": \"NXSIG1.…\" }，或 multipart 表单。");
            }
            if (body?.Document is null || !TryBase64(body.Document, out document))
            {
                return Refuse("document 须为文件内容的 base64 编码。");
            }
            signature = body.Signature;
        }
        if (string.IsNullOrWhiteSpace(signature))
        {
            return Refuse("请提供签名值 signature（以 NXSIG1. 开头）。");
        }
        var result = await signatures.VerifyAsync(document, signature, cancellationToken);
        return Results.Ok(new VerifyResponse(result.Valid, result.Signer, result.CreditCode, result.SignedAtUtc, result.Message));
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return bytes.Length <= SignatureService.MaxDocumentBytes;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static IResult Refuse(string detail) =>
        Results.Problem(title: "请求参数有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
