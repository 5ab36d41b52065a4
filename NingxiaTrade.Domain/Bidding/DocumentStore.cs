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
        var name = NewName(extension);
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

    /// <summary>A new stored name with the upload's extension: a GUID, so an upload's own name never reaches the file system.</summary>
    public static string NewName(string extension) => Guid.NewGuid().ToString("N") + extension;

    private string? PathOf(string storedName) => PathIn(folder, storedName);

    /// <summary>
    /// The stored file in <paramref name="folder"/>, or null when the name is not one <see cref="NewName"/> made (so a
    /// crafted name cannot reach outside the folder) or the file is gone.
    /// </summary>
    public static string? PathIn(string folder, string storedName)
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

/// <summary>
/// Where sealed bid files are kept: ciphertext only (the bid module encrypts before anything is written). A file-system
/// store by default; several servers may share its folder.
/// </summary>
public interface IBidFileStore : IDocumentStore;

/// <summary>The file-system bid store, named like <see cref="FileSystemDocumentStore"/>.</summary>
public sealed class FileSystemBidFileStore(string folder) : IBidFileStore
{
    private readonly FileSystemDocumentStore _files = new(folder);

    public (string StoredName, Stream Content) Create(string extension) => _files.Create(extension);

    public Stream? OpenRead(string storedName) => _files.OpenRead(storedName);

    public void Delete(string storedName) => _files.Delete(storedName);
}
