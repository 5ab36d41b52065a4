namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// Where uploaded documents are kept, by a stored name the store makes (never the uploader's file name). Files are written
/// and read as streams, never held whole.
/// </summary>
public interface IDocumentStore
{
    /// <summary>A new empty file for writing, and its stored name.</summary>
    (string StoredName, Stream Content) Create(string extension);

    /// <summary>The stored file for reading, or null when there is none by that name.</summary>
    Stream? OpenRead(string storedName);

    void Delete(string storedName);
}

/// <summary>The file-system store: one folder (several servers may share it), files named by a new GUID.</summary>
public sealed class FileSystemDocumentStore(string folder) : IDocumentStore
{
    public (string StoredName, Stream Content) Create(string extension)
    {
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + extension;
        return (name, new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true));
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return path is null ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    public void Delete(string storedName)
    {
        if (PathOf(storedName) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>Only names this store made resolve, so a crafted name cannot reach outside the folder.</summary>
    private string? PathOf(string storedName)
    {
        var name = Path.GetFileName(storedName);
        if (name != storedName || !Guid.TryParseExact(Path.GetFileNameWithoutExtension(name), "N", out _))
        {
            return null;
        }
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : null;
    }
}
