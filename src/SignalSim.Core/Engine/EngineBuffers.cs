// The arrays and record lists a run borrows, kept by a worker between the runs of a comparison:
// every run of one scenario needs the same per-slot arrays (the pool is sized by the lanes) and
// record lists of about the same capacity, and allocating them afresh for each run (about 7 MB
// on Porte de Choisy, most of it in the large-object heap) makes the collector sweep the whole
// heap every few runs. A run takes what it needs, zeroed as a new array would be, and the
// worker gives everything back once the run's metrics and files are done with it.
//
// Not thread-safe: one instance per worker thread.
namespace SignalSim.Core.Engine;

public sealed class EngineBuffers
{
    private readonly Dictionary<(Type Type, int Length), Stack<Array>> _freeArrays = [];
    private readonly Dictionary<Type, List<object>> _freeLists = [];
    private readonly List<Array> _lentArrays = [];
    private readonly List<object> _lentLists = [];

    /// <summary>Arrays allocated because none of the length was free, and lists created: what reuse did not save.</summary>
    public int Allocations { get; private set; }

    /// <summary>A zeroed array of exactly <paramref name="length"/> elements, lent until <see cref="Recycle"/>.</summary>
    public T[] Array<T>(int length)
    {
        if (length == 0) return [];
        T[] array;
        if (_freeArrays.TryGetValue((typeof(T), length), out var free) && free.Count > 0)
        {
            array = (T[])free.Pop();
            System.Array.Clear(array);
        }
        else
        {
            array = new T[length];
            Allocations++;
        }
        _lentArrays.Add(array);
        return array;
    }

    /// <summary>An empty list that holds at least <paramref name="capacity"/> items without growing, lent until <see cref="Recycle"/>.</summary>
    public List<T> List<T>(int capacity)
    {
        List<T>? list = null;
        if (_freeLists.TryGetValue(typeof(T), out var free) && free.Count > 0)
        {
            // The smallest free list large enough, else the largest one, grown.
            var pick = 0;
            for (var i = 1; i < free.Count; i++)
            {
                var c = ((List<T>)free[i]).Capacity;
                var p = ((List<T>)free[pick]).Capacity;
                if (p < capacity ? c > p : c >= capacity && c < p) pick = i;
            }
            list = (List<T>)free[pick];
            free.RemoveAt(pick);
            list.Clear();
            if (list.Capacity < capacity) list.Capacity = capacity;
        }
        if (list is null)
        {
            list = new List<T>(capacity);
            Allocations++;
        }
        _lentLists.Add(list);
        return list;
    }

    /// <summary>Takes back everything lent: the run that borrowed it, and its result, must no longer be used.</summary>
    public void Recycle()
    {
        foreach (var array in _lentArrays)
        {
            var key = (array.GetType().GetElementType()!, array.Length);
            if (!_freeArrays.TryGetValue(key, out var free)) _freeArrays[key] = free = new Stack<Array>();
            free.Push(array);
        }
        _lentArrays.Clear();
        foreach (var list in _lentLists)
        {
            var type = list.GetType().GetGenericArguments()[0];
            if (!_freeLists.TryGetValue(type, out var free)) _freeLists[type] = free = [];
            free.Add(list);
        }
        _lentLists.Clear();
    }
}
