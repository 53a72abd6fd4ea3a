FROM python:3.13
WORKDIR /app
RUN pip install --no-cache-dir debugpy
COPY worker.py .
CMD ["python", "-m", "debugpy", "--listen", "0.0.0.0:5678", "worker.py"]
