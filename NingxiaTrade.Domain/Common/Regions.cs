namespace NingxiaTrade.Domain.Common;

/// <summary>The region and its five cities (GB/T 2260 codes), each with a trading centre.</summary>
public static class Regions
{
    public const string Ningxia = "640000";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["640000"] = "宁夏回族自治区",
        ["640100"] = "银川市",
        ["640200"] = "石嘴山市",
        ["640300"] = "吴忠市",
        ["640400"] = "固原市",
        ["640500"] = "中卫市",
    };

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    public static bool IsKnown(string code) => Names.ContainsKey(code);
}
