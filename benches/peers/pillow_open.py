"""The peer figure for benches/cold_open.rs: a plain one-thread Pillow decode of every
photo given (Image.open(p).load()), as BeeRef's open is made of. Prints the seconds."""
import sys
import time

from PIL import Image

start = time.perf_counter()
for path in sys.argv[1:]:
    with Image.open(path) as picture:
        picture.load()
print(f"{time.perf_counter() - start:.3f}")
