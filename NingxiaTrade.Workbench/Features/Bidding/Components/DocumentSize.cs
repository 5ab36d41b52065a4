namespace NingxiaTrade.Workbench.Features.Bidding.Components;

/// <summary>File sizes as the screens show them: "1.25 MB", "830 KB".</summary>
public static class DocumentSize
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / 1024d / 1024d:0.00} MB",
        >= 1024 => $"{bytes / 1024d:0} KB",
        _ => $"{bytes} 字节",
    };
}
