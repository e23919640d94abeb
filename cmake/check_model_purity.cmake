# Fails when the model library (core/model) references a file, thread or clock function:
# the model is a pure value type, and its undefined symbols say what it calls.
# Run after nk_model builds:  cmake -DLIB=libnk_model.a -DNM=nm -P check_model_purity.cmake
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
execute_process(COMMAND ${NM} -u -C ${LIB} OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check_model_purity: ${NM} failed on ${LIB}")
endif()
# C functions by exact name; C++ by the start of their demangled name.
set(c_functions fopen fopen64 freopen fdopen fclose fread fwrite fflush fprintf fputs fgets
    open open64 openat close read write pread pwrite lseek fsync fdatasync rename unlink
    remove mkdir rmdir opendir readdir stat stat64 fstat lstat
    pthread_create pthread_join pthread_mutex_lock pthread_cond_wait thrd_create
    clock clock_gettime gettimeofday time timespec_get localtime localtime_r gmtime gmtime_r
    sleep usleep nanosleep getenv system popen fork)
set(cpp_prefixes "std::thread" "std::jthread" "std::mutex" "std::condition_variable"
    "std::filesystem" "std::basic_ifstream" "std::basic_ofstream" "std::basic_fstream"
    "std::basic_filebuf" "std::chrono::_V2::system_clock::now" "std::chrono::_V2::steady_clock::now"
    "std::random_device" "std::this_thread")
string(REPLACE "\n" ";" lines "${symbols}")
set(bad "")
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  string(REGEX REPLACE "^U +" "" sym "${line}")
  string(REGEX REPLACE "@.*$" "" plain "${sym}")
  if(plain IN_LIST c_functions)
    list(APPEND bad "${sym}")
  endif()
  foreach(p IN LISTS cpp_prefixes)
    string(FIND "${sym}" "${p}" at)
    if(at EQUAL 0)
      list(APPEND bad "${sym}")
    endif()
  endforeach()
endforeach()
if(bad)
  list(REMOVE_DUPLICATES bad)
  string(REPLACE ";" "\n  " bad "${bad}")
  message(FATAL_ERROR "core/model must not use files, threads or the clock, but references:\n  ${bad}")
endif()
