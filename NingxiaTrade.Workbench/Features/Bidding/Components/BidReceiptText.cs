using System.Text;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Bidding.Components;

/// <summary>The receipt as the bidder saves it: readable lines, then the signed token the verify page checks.</summary>
public static class BidReceiptText
{
    public static string Of(ProjectSummary project, MyBidInfo bid) => Of(project.Code, project.Name, bid);

    public static string Of(string projectCode, string projectName, MyBidInfo bid)
    {
        var text = new StringBuilder()
            .AppendLine("宁夏公共资源交易平台 投标文件递交回执")
            .AppendLine($"项目：{projectName}（{projectCode}）")
            .AppendLine($"标段（包）：第{bid.LotNumber}标段")
            .AppendLine($"递交时间（服务器时间）：{ChinaTime.Format(bid.SubmittedUtc)}")
            .AppendLine($"投标截止时间：{ChinaTime.Format(bid.DeadlineUtc)}");
        foreach (var file in bid.Files)
        {
            text.AppendLine($"文件：{file.Name}  密文大小 {file.CipherSize} 字节  密文SM3 {file.CipherSm3}");
        }
        return text.AppendLine()
            .AppendLine("平台签名回执（可在平台“投标回执验证”页面 /public/bid-receipts/verify 核验）：")
            .AppendLine(bid.ReceiptToken)
            .ToString();
    }
}
