/*
 * measure RESULT_FILE COMMAND [ARGS...]
 *
 * Runs COMMAND (its standard input, output and error are this program's) and writes to RESULT_FILE
 * one line: "EXIT WALL_NS CPU_US MAXRSS_KB". bench.py starts the tools through it rather than
 * directly because Linux carries the peak memory of a process that starts another with vfork (as
 * Python's subprocess does) into the started program's ru_maxrss: a small tool run from a large
 * Python process would be charged with Python's memory. Started from this small program, the tool's
 * figures are its own, and the wall time is from its start to its end.
 */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure RESULT_FILE COMMAND [ARGS...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    int failed = posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ);
    if (failed) {
        fprintf(stderr, "measure: cannot start %s\n", argv[2]);
        return 127;
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("measure: wait4");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long wall = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    long long cpu = (long long)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL + usage.ru_utime.tv_usec
        + usage.ru_stime.tv_usec;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror("measure: result file");
        return 127;
    }
    fprintf(out, "%d %lld %lld %ld\n", code, wall, cpu, usage.ru_maxrss);
    fclose(out);
    return 0;
}
