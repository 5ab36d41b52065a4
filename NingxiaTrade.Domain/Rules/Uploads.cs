using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Rules;

/// <summary>Reading an uploaded file with a size limit that holds whatever size the upload declared.</summary>
internal static class Uploads
{
    public static async Task<MemoryStream> ReadLimitedAsync(Stream content, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        return await ExcelUpload.ReadLimitedAsync(content, maxBytes, () => TooLarge(maxBytes), cancellationToken);
    }

    private static DomainException TooLarge(long maxBytes) => new($"文件超过 {maxBytes / 1024 / 1024} MB，无法上传。");
}
